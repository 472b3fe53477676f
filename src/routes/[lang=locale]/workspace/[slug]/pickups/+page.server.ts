import { formatDate } from '$lib/i18n/format';
import { loadOrError, workspaceAction } from '$lib/server/http';
import { assignPickup, pickupBoard, unassignPickup } from '$lib/server/welcome/pickups.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const today = new Date().toISOString().slice(0, 10);
	const board = await loadOrError(event, () => pickupBoard(ctx, institution.id, today));
	const date = (d: string | null) => (d ? formatDate(d, locale, 'long') : null);
	return {
		slots: board.slots.map((s) => ({ ...s, dateText: date(s.date)!, passengers: s.passengers.map((p) => ({ ...p, dateText: date(p.date) })) })),
		requests: board.requests.map((r) => ({ ...r, dateText: date(r.date), slots: board.slots.filter((s) => s.date === r.date && s.capacity - s.used >= r.people).map((s) => ({ id: s.id, label: `${s.fromTime}–${s.toTime} · ${s.airport} · ${s.driver} (${s.capacity - s.used})` })) }))
	};
};

export const actions: Actions = {
	assign: (event) => workspaceAction(event, assignPickup, 'assign'),
	unassign: (event) => workspaceAction(event, unassignPickup, 'unassign')
};
