import { formatDate } from '$lib/i18n/format';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { loadOrError, runForm } from '$lib/server/http';
import { listFromForm } from '$lib/server/platform/validation';
import { newSubmissionKey } from '$lib/server/submissions/submissions.service';
import { bulkCaseStatus, bulkUnassign } from '$lib/server/welcome/case-bulk.service';
import { assignCases, caseHandlers, caseQueue } from '$lib/server/welcome/case-handling.service';
import { listCatalogue } from '$lib/server/welcome/catalogue.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const query = Object.fromEntries(event.url.searchParams);
	const [queue, services, handlers] = await loadOrError(event, () =>
		Promise.all([caseQueue(ctx, institution.id, query), listCatalogue(ctx, institution.id), caseHandlers(ctx, institution.id)])
	);
	return {
		...queue,
		cases: queue.cases.map((c) => ({ ...c, dueText: formatDate(c.dueOn, locale), submittedText: formatDate(c.submittedAt, locale) })),
		services: services.map((s) => ({ id: s.id, name: s.name })),
		handlers: handlers.map((h) => ({ id: h.id, name: h.name })),
		me: ctx.actor!.userId,
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	/** Assigns the ticked cases of the queue to one person (or to no one). */
	assign: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => assignCases(event.locals.ctx, inst.id, listFromForm(input.cases), input.assignee ?? ''));
		if (!outcome.ok) return outcome.failure;
		return { assigned: outcome.result };
	},
	/** Sets the status of the ticked cases (declining with one reason for all); each case is reported. */
	status: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => bulkCaseStatus(event.locals.ctx, inst.id, listFromForm(input.cases), input));
		if (!outcome.ok) return outcome.failure;
		return { bulk: outcome.result };
	},
	/** Takes the ticked cases off whoever handled them. */
	unassign: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => bulkUnassign(event.locals.ctx, inst.id, listFromForm(input.cases), input));
		if (!outcome.ok) return outcome.failure;
		return { bulk: outcome.result };
	}
};
