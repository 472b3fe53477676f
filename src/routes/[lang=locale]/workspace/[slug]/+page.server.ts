import { formatDate } from '$lib/i18n/format';
import { agreementAttention } from '$lib/server/agreements/agreement-list';
import { workspaceAttention } from '$lib/server/content/attention.service';
import { canInstitution } from '$lib/server/access/policy';
import { loadOrError } from '$lib/server/http';
import { caseSummary } from '$lib/server/welcome/case-handling.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const ctx = event.locals.ctx;
	const [attention, cases, agreements] = await loadOrError(event, () =>
		Promise.all([
			workspaceAttention(ctx, institution.id),
			canInstitution(ctx.actor, 'case.view', institution.id) ? caseSummary(ctx, institution.id) : null,
			canInstitution(ctx.actor, 'mobility.manage', institution.id) ? agreementAttention(ctx, institution.id) : null
		])
	);
	return {
		cases,
		agreements,
		attention: attention && {
			...attention,
			profileUpdatedOn: attention.profileUpdatedAt ? formatDate(attention.profileUpdatedAt, event.locals.locale, 'long') : null
		}
	};
};
