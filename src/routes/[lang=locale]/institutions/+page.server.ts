import { listInstitutions } from '$lib/server/institutions/institutions.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ institutions: await listInstitutions(locals.ctx) });
