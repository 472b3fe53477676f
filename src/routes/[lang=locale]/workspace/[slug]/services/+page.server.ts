import { loadOrError } from '$lib/server/http';
import { listCatalogue } from '$lib/server/welcome/catalogue.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const services = await loadOrError(event, () => listCatalogue(event.locals.ctx, institution.id));
	return { services: services.map((s) => ({ id: s.id, code: s.code, name: s.name, audiences: s.audiences, turnaroundDays: s.turnaroundDays, active: s.active, questions: s.questions.length, documents: s.documents.length })) };
};
