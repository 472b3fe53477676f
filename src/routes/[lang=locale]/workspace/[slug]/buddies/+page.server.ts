import { countryName, formatDate, languageName } from '$lib/i18n/format';
import { loadOrError, workspaceAction } from '$lib/server/http';
import { buddyBoard, matchBuddy, unmatchBuddy } from '$lib/server/welcome/buddies.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const board = await loadOrError(event, () => buddyBoard(ctx, institution.id));
	const langs = (codes: string[]) => codes.map((c) => languageName(c, locale)).join(', ');
	return {
		buddies: board.buddies.map((b) => ({ id: b.id, name: b.name, email: b.email, languages: langs(b.languages), interests: b.interests, capacity: b.capacity, matched: b.matched, active: b.active })),
		people: board.people.map((p) => ({
			userId: p.userId,
			name: p.name,
			email: p.email,
			nationality: p.nationality ? countryName(p.nationality, locale) : '—',
			arrival: p.arrivalDate ? formatDate(p.arrivalDate, locale) : '—',
			languages: langs(p.languages) || '—',
			buddyName: board.buddies.find((b) => b.id === p.buddyId)?.name ?? null,
			suggestions: p.suggestions.map((s) => ({ ...s, languages: langs(s.languages) }))
		}))
	};
};

export const actions: Actions = {
	match: (event) => workspaceAction(event, matchBuddy, 'match'),
	unmatch: (event) => workspaceAction(event, unmatchBuddy, 'unmatch')
};
