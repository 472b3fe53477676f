import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatDate } from '$lib/i18n/format';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { t, type MessageKey } from '$lib/i18n/messages';
import { authorizeInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { person } from '../auth/auth.views';
import { isValidIsoDate } from '../guides/deadlines';
import { getFactsheet } from '../institutions/factsheet.service';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type ServiceContext } from '../platform/context';
import { invalidInput, notFound, staleEdit } from '../platform/errors';
import { claimSubmission } from '../submissions/submissions.service';
import { parseEachField, isUuid } from '../platform/validation';
import { staffResponded } from './case-response';
import { notifyApplicant } from './case-mail';
import { caseEvent, isOpenCase, welcomeCase } from './cases.tables';
import { incomingProfile } from './incoming.tables';
import { pickupBooking, pickupSlot } from './pickups.tables';

/**
 * Airport pickups: the open requests whose service asks for an arrival (flight, date, time,
 * people), slots with seats and a driver or volunteer, and the placing of each request in a
 * slot; the applicant is told in their language, the driver by e-mail when given.
 */
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What a pickup request says about the arrival: its answers first, the profile second. */
function arrivalOf(answers: Record<string, unknown>, profile: { arrivalDate: string | null; arrivalTime: string | null; flightNumber: string | null; family: unknown[] } | null) {
	const text = (k: string) => (typeof answers[k] === 'string' && answers[k] ? (answers[k] as string) : null);
	const date = text('arrival_date') ?? text('entry_date') ?? profile?.arrivalDate ?? null;
	const time = text('arrival_time') ?? profile?.arrivalTime ?? null;
	const people = typeof answers.passengers === 'number' && answers.passengers >= 1 ? Math.min(20, Math.round(answers.passengers)) : 1 + (profile?.family.length ?? 0);
	return { date, time: time && TIME.test(time) ? time : null, flight: text('flight') ?? text('flight_number') ?? profile?.flightNumber ?? null, people };
}

/** A service is a pickup service when its form asks for the arrival date. */
const isPickup = sql`exists (select 1 from jsonb_array_elements(${welcomeCase.service} -> 'questions') q where q ->> 'key' in ('arrival_date', 'flight'))`;

/** The planning board: slots from `from` on with their passengers, and open pickup requests not yet placed. */
export async function pickupBoard(ctx: ServiceContext, institutionId: string, from: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	const [slots, bookings, requests] = await Promise.all([
		ctx.db.select().from(pickupSlot).where(and(eq(pickupSlot.institutionId, institutionId), gte(pickupSlot.date, from))).orderBy(asc(pickupSlot.date), asc(pickupSlot.fromTime)),
		ctx.db
			.select({ caseId: pickupBooking.caseId, slotId: pickupBooking.slotId, seats: pickupBooking.seats, number: welcomeCase.number, answers: welcomeCase.answers, name: person.name, profile: incomingProfile })
			.from(pickupBooking)
			.innerJoin(welcomeCase, eq(welcomeCase.id, pickupBooking.caseId))
			.leftJoin(person, eq(person.id, welcomeCase.applicantId))
			.leftJoin(incomingProfile, eq(incomingProfile.userId, welcomeCase.applicantId))
			.where(eq(pickupBooking.institutionId, institutionId)),
		ctx.db
			.select({ id: welcomeCase.id, number: welcomeCase.number, answers: welcomeCase.answers, name: person.name, profile: incomingProfile })
			.from(welcomeCase)
			.leftJoin(person, eq(person.id, welcomeCase.applicantId))
			.leftJoin(incomingProfile, eq(incomingProfile.userId, welcomeCase.applicantId))
			.leftJoin(pickupBooking, eq(pickupBooking.caseId, welcomeCase.id))
			.where(and(eq(welcomeCase.institutionId, institutionId), isOpenCase(), isPickup, sql`${pickupBooking.caseId} is null`))
	]);
	return {
		slots: slots.map((s) => {
			const mine = bookings.filter((b) => b.slotId === s.id);
			return { ...s, used: mine.reduce((n, b) => n + b.seats, 0), passengers: mine.map((b) => ({ caseId: b.caseId, number: b.number, name: b.name, seats: b.seats, ...arrivalOf(b.answers, b.profile) })) };
		}),
		requests: requests
			.map((r) => ({ id: r.id, number: r.number, name: r.name, ...arrivalOf(r.answers, r.profile) }))
			.sort((a, b) => `${a.date ?? '9999'}${a.time ?? ''}`.localeCompare(`${b.date ?? '9999'}${b.time ?? ''}`))
	};
}

const slotSchema = z.object({
	date: z.string().trim().refine(isValidIsoDate, 'error_date_invalid'),
	fromTime: z.string().trim().regex(TIME, 'error_time_invalid'),
	toTime: z.string().trim().regex(TIME, 'error_time_invalid'),
	airport: z.string().trim().min(1, 'error_required').max(100, 'error_too_long'),
	capacity: z
		.string()
		.trim()
		.refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 60, 'error_number_range')
		.transform(Number),
	driver: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
	driverEmail: z
		.string()
		.trim()
		.toLowerCase()
		.refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'error_email_invalid')
		.transform((v) => v || null),
	note: z.string().trim().max(500, 'error_too_long'),
	version: z.coerce.number().int().min(0)
});

export async function getSlot(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	if (!isUuid(id)) throw notFound();
	const [row] = await ctx.db.select().from(pickupSlot).where(and(eq(pickupSlot.id, id), eq(pickupSlot.institutionId, institutionId)));
	if (!row) throw notFound();
	return row;
}

/** Adds (`id` null) or changes a slot; its seats never drop below those already taken. */
export async function saveSlot(ctx: ServiceContext, institutionId: string, id: string | null, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const { values, errors } = parseEachField(slotSchema, input);
	if (values.fromTime && values.toTime && values.toTime <= values.fromTime) errors.toTime ??= 'error_time_order';
	if (Object.keys(errors).length) throw invalidInput(errors as Record<string, MessageKey>);
	const data = values as z.output<typeof slotSchema>;
	const next = { date: data.date, fromTime: data.fromTime, toTime: data.toTime, airport: data.airport, capacity: data.capacity, driver: data.driver, driverEmail: data.driverEmail, note: data.note };
	return inTransaction(ctx, async (tx) => {
		if (!id) {
			if (!(await claimSubmission(tx, input.submissionKey))) return null;
			const [created] = await tx.db.insert(pickupSlot).values({ ...next, institutionId }).returning();
			await recordAudit(tx, { entityType: 'pickup_slot', entityId: created!.id, institutionId, action: 'pickup_slot.create', changes: diffFields(null, next) });
			return created!;
		}
		const before = await getSlot(tx, institutionId, id);
		const [{ used }] = (await tx.db.select({ used: sql<number>`coalesce(sum(${pickupBooking.seats}), 0)::int` }).from(pickupBooking).where(eq(pickupBooking.slotId, id))) as [{ used: number }];
		if (next.capacity < Number(used)) throw invalidInput({ capacity: 'error_slot_below_booked' });
		const [saved] = await tx.db
			.update(pickupSlot)
			.set({ ...next, version: sql`${pickupSlot.version} + 1` })
			.where(and(eq(pickupSlot.id, id), eq(pickupSlot.version, data.version)))
			.returning();
		if (!saved) throw staleEdit();
		await recordAudit(tx, { entityType: 'pickup_slot', entityId: id, institutionId, action: 'pickup_slot.update', changes: diffFields(before, next) });
		return saved;
	});
}

/** Places a pickup request in a slot if its seats fit; tells the applicant and the driver. */
export async function assignPickup(ctx: ServiceContext, institutionId: string, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const slot = await getSlot(ctx, institutionId, input.slot ?? '');
	if (!isUuid(input.case ?? '')) throw notFound();
	const [found] = await ctx.db
		.select({ case: welcomeCase, name: person.name, locale: person.locale, profile: incomingProfile })
		.from(welcomeCase)
		.leftJoin(person, eq(person.id, welcomeCase.applicantId))
		.leftJoin(incomingProfile, eq(incomingProfile.userId, welcomeCase.applicantId))
		.where(and(eq(welcomeCase.id, input.case!), eq(welcomeCase.institutionId, institutionId)));
	if (!found) throw notFound();
	const arrival = arrivalOf(found.case.answers, found.profile);
	return inTransaction(ctx, async (tx) => {
		// One assignment to a slot at a time, so its seats are never over-booked.
		await tx.db.execute(sql`select id from pickup_slot where id = ${slot.id} for update`);
		const [{ used }] = (await tx.db.select({ used: sql<number>`coalesce(sum(${pickupBooking.seats}), 0)::int` }).from(pickupBooking).where(eq(pickupBooking.slotId, slot.id))) as [{ used: number }];
		if (Number(used) + arrival.people > slot.capacity) throw invalidInput({ [`slot.${found.case.id}`]: 'error_slot_full' }, 'error_slot_full');
		const [booking] = await tx.db.insert(pickupBooking).values({ caseId: found.case.id, slotId: slot.id, institutionId, seats: arrival.people }).onConflictDoNothing().returning();
		if (!booking) throw invalidInput({ [`slot.${found.case.id}`]: 'error_pickup_already' }, 'error_pickup_already');
		const locale: Locale = isLocale(found.locale) ? found.locale : 'en';
		const body = t('pickup_message', locale, { date: formatDate(slot.date, locale, 'long'), from: slot.fromTime, to: slot.toTime, airport: slot.airport, driver: slot.driver });
		await tx.db.insert(caseEvent).values({ caseId: found.case.id, kind: 'message', authorId: ctx.actor!.userId, body, data: { pickupSlotId: slot.id } });
		const updated = await staffResponded(tx, institutionId, found.case, { field: `slot.${found.case.id}` });
		await recordAudit(tx, { entityType: 'welcome_case', entityId: found.case.id, institutionId, action: 'pickup.assign', changes: diffFields(null, { slot: slot.id, seats: arrival.people }) });
		await notifyApplicant(tx, updated, 'case_message');
		if (slot.driverEmail) await tellDriver(tx, institutionId, { ...slot, driverEmail: slot.driverEmail }, { name: found.name ?? '—', flight: arrival.flight ?? '—', time: arrival.time ?? '—', people: arrival.people });
		return booking;
	});
}

/**
 * Tells a slot's driver of a new passenger. Drivers are local and have no account: the mail is in
 * the institution's language, answers go to its international office (when the factsheet gives
 * an address), and the footer says who named them as the driver.
 */
async function tellDriver(ctx: ServiceContext, institutionId: string, slot: typeof pickupSlot.$inferSelect & { driverEmail: string }, passenger: { name: string; flight: string; time: string; people: number }) {
	const [inst] = await ctx.db.select({ name: institutionDirectory.name, shortName: institutionDirectory.shortName, defaultLocale: institutionDirectory.defaultLocale }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
	const locale: Locale = inst && isLocale(inst.defaultLocale) ? inst.defaultLocale : 'en';
	const office = (await getFactsheet(ctx, institutionId))?.internationalOffice.email?.trim();
	await ctx.mailer.send(ctx.db, {
		to: slot.driverEmail,
		template: 'pickup_driver',
		locale,
		replyTo: office || null,
		params: {
			institution: (inst && resolveText(inst.name, locale, locale)?.text) ?? inst?.shortName ?? '',
			date: formatDate(slot.date, locale, 'long'),
			from: slot.fromTime,
			to: slot.toTime,
			airport: slot.airport,
			...passenger,
			people: String(passenger.people)
		}
	});
}

/** Takes a request out of its slot (plans changed). */
export async function unassignPickup(ctx: ServiceContext, institutionId: string, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	if (!isUuid(input.case ?? '')) throw notFound();
	const [removed] = await ctx.db.delete(pickupBooking).where(and(eq(pickupBooking.caseId, input.case!), eq(pickupBooking.institutionId, institutionId))).returning();
	if (!removed) throw notFound();
	await recordAudit(ctx, { entityType: 'welcome_case', entityId: removed.caseId, institutionId, action: 'pickup.unassign', changes: { slot: { from: removed.slotId, to: null } } });
}
