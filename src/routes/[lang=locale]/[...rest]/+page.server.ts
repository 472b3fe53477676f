import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

// Unknown paths inside a locale get the localised 404 page inside the site's shell.
export const load: PageServerLoad = ({ locals }) => error(404, t('error_not_found', locals.locale));
