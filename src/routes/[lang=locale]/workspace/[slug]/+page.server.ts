import { formatDate } from '$lib/i18n/format';
import { workspaceAttention } from '$lib/server/content/attention.service';
import { loadOrError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const attention = await loadOrError(event, () => workspaceAttention(event.locals.ctx, institution.id));
	return {
		attention: attention && {
			...attention,
			profileUpdatedOn: attention.profileUpdatedAt ? formatDate(attention.profileUpdatedAt, event.locals.locale, 'long') : null
		}
	};
};
