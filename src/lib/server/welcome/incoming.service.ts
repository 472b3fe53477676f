import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isCountryCode } from '$lib/i18n/countries';
import type { MessageKey } from '$lib/i18n/messages';
import { PERSON_KINDS } from '../auth/accounts.schemas';
import { diffFields, recordAudit } from '../audit/audit.service';
import { person } from '../auth/auth.views';
import { isValidIsoDate } from '../guides/deadlines';
import { todayIn } from '../guides/planner.service';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type ServiceContext } from '../platform/context';
import { invalidInput, unauthenticated, staleEdit } from '../platform/errors';
import { formRowIndexes, listFromForm, parseEachField } from '../platform/validation';
import { SPOKEN_LANGUAGES } from '$lib/welcome/buddy-match';
import { purposeForKind, STAY_PURPOSES } from '$lib/welcome/stay-purpose';
import { incomingProfile, type FamilyMember } from './incoming.tables';

/**
 * The incoming person's own profile: nationality, passport (as visa letters need it), destination,
 * purpose, dates, flight and family. Only they change it; every change is audited, with passport
 * numbers and home addresses masked.
 */
export type IncomingProfile = typeof incomingProfile.$inferSelect;

export const FAMILY_RELATIONS = ['spouse', 'child', 'parent', 'other'] as const;
export const MAX_FAMILY = 8;

export function requireSignedIn(ctx: ServiceContext) {
	if (!ctx.actor) throw unauthenticated();
	return ctx.actor;
}

/** The earliest "today" anywhere on Earth: an arrival before it is in the past for everyone. */
export const earliestToday = (now = new Date()) => todayIn('Etc/GMT+12', now);

/** The person's profile, or a blank one (not yet saved: version 0). */
export async function getOwnProfile(ctx: ServiceContext): Promise<IncomingProfile> {
	const actor = requireSignedIn(ctx);
	const [row] = await ctx.db.select().from(incomingProfile).where(eq(incomingProfile.userId, actor.userId));
	if (row) return row;
	const [me] = await ctx.db.select({ personKind: person.personKind }).from(person).where(eq(person.id, actor.userId));
	return {
		userId: actor.userId,
		kind: (PERSON_KINDS as readonly string[]).includes(me?.personKind ?? '') ? me!.personKind! : 'student',
		purpose: null,
		institutionId: null,
		nationality: null,
		passportName: null,
		sex: null,
		dateOfBirth: null,
		placeOfBirth: null,
		homeAddress: null,
		passportNumber: null,
		passportIssuedOn: null,
		passportExpiry: null,
		stayStart: null,
		stayEnd: null,
		arrivalDate: null,
		arrivalTime: null,
		flightNumber: null,
		arrivalAirport: null,
		housing: 'unknown',
		family: [],
		languages: [],
		interests: '',
		agreementId: null,
		agreementMobility: null,
		version: 0,
		createdAt: new Date(0),
		updatedAt: new Date(0)
	};
}

const optionalDate = z
	.string()
	.trim()
	.refine((v) => v === '' || (isValidIsoDate(v) && v >= '1900-01-01' && v <= '2100-12-31'), 'error_date_invalid')
	.transform((v) => v || null);
const optionalText = (max: number, pattern?: RegExp, message: MessageKey = 'error_invalid') =>
	z
		.string()
		.trim()
		.max(max, 'error_too_long')
		.refine((v) => v === '' || !pattern || pattern.test(v), message)
		.transform((v) => v || null);

/** Sex as printed in passports (ICAO 9303). */
export const PASSPORT_SEXES = ['F', 'M', 'X'] as const;

/**
 * The name as printed in the passport: Latin letters (accented ones too: the visual zone may
 * print them), spaces, hyphens and apostrophes; stored upper-cased with single spaces, the way
 * the machine-readable zone and visa forms write it.
 */
export const passportNameSchema = z
	.string()
	.transform((v) => v.normalize('NFKC').replace(/[\u2018\u2019\u02BC`]/g, "'").replace(/\s+/g, ' ').trim().toLocaleUpperCase('en'))
	.refine((v) => v === '' || /^\p{Script=Latin}[\p{Script=Latin}\p{M}' -]*$/u.test(v), 'error_profile_passport_name')
	.refine((v) => v.length <= 100, 'error_too_long')
	.transform((v) => v || null);

const profileSchema = z.object({
	kind: z.enum(PERSON_KINDS, 'error_choose_one'),
	// Blank: the purpose that goes with what the person comes as.
	purpose: z.union([z.literal(''), z.enum(STAY_PURPOSES)], 'error_choose_one'),
	institution: z.string().trim().max(100),
	nationality: z
		.string()
		.trim()
		.toUpperCase()
		.refine((v) => v === '' || isCountryCode(v), 'error_choose_one')
		.transform((v) => v || null),
	passportName: passportNameSchema,
	sex: z.union([z.literal(''), z.enum(PASSPORT_SEXES)], 'error_choose_one').transform((v) => v || null),
	dateOfBirth: optionalDate,
	placeOfBirth: optionalText(100),
	homeAddress: z
		.string()
		.transform((v) => v.replace(/\r\n?/g, '\n').trim())
		.refine((v) => v.length <= 300, 'error_too_long')
		.transform((v) => v || null),
	passportNumber: z
		.string()
		.transform((v) => v.replace(/\s+/g, '').toUpperCase())
		.refine((v) => v === '' || /^[A-Z0-9]{5,20}$/.test(v), 'error_passport_number')
		.transform((v) => v || null),
	passportIssuedOn: optionalDate,
	passportExpiry: optionalDate,
	stayStart: optionalDate,
	stayEnd: optionalDate,
	arrivalDate: optionalDate,
	arrivalTime: optionalText(5, /^([01]\d|2[0-3]):[0-5]\d$/, 'error_time_invalid'),
	flightNumber: z
		.string()
		.transform((v) => v.replace(/\s+/g, '').toUpperCase())
		.refine((v) => v === '' || /^[A-Z0-9]{2}\d{1,4}[A-Z]?$/.test(v), 'error_flight_number')
		.transform((v) => v || null),
	arrivalAirport: optionalText(100),
	housing: z.enum(['on_campus', 'off_campus', 'unknown'], 'error_choose_one'),
	languages: z
		.string()
		.transform((v) => listFromForm(v))
		.refine((list) => list.every((l) => (SPOKEN_LANGUAGES as readonly string[]).includes(l)), 'error_choose_one'),
	interests: z.string().trim().max(500, 'error_too_long'),
	version: z.coerce.number().int().min(0)
});

/** Family rows `f.N.name`, `f.N.relation`, … as entered; blank rows and removed rows are skipped. */
export function readFamily(input: Record<string, string>, today: string) {
	const family: FamilyMember[] = [];
	const errors: Record<string, MessageKey> = {};
	for (const i of formRowIndexes(input, 'f')) {
		const p = `f.${i}`;
		const name = (input[`${p}.name`] ?? '').trim();
		const relation = (input[`${p}.relation`] ?? '').trim();
		const dateOfBirth = (input[`${p}.dateOfBirth`] ?? '').trim();
		const nationality = (input[`${p}.nationality`] ?? '').trim().toUpperCase();
		if (input[`${p}.remove`] === 'on' || (!name && !dateOfBirth && !nationality)) continue;
		if (!name) errors[`${p}.name`] = 'error_required';
		else if (name.length > 200) errors[`${p}.name`] = 'error_too_long';
		if (!(FAMILY_RELATIONS as readonly string[]).includes(relation)) errors[`${p}.relation`] = 'error_choose_one';
		if (dateOfBirth && (!isValidIsoDate(dateOfBirth) || dateOfBirth > today || dateOfBirth < '1900-01-01')) errors[`${p}.dateOfBirth`] = 'error_date_invalid';
		if (nationality && !isCountryCode(nationality)) errors[`${p}.nationality`] = 'error_choose_one';
		family.push({ name, relation, dateOfBirth: dateOfBirth || null, nationality: nationality || null });
	}
	if (family.length > MAX_FAMILY) errors['f'] = 'error_too_many_family';
	return { family, errors };
}

/** Audit values: a passport number shows only its last three characters, a home address nothing. */
const maskPassport = (value: unknown) => (typeof value === 'string' && value ? `•••${value.slice(-3)}` : null);
const maskHidden = (value: unknown) => (value ? '•••' : null);
const AUDIT_MASKS: Record<string, (value: unknown) => string | null> = { passportNumber: maskPassport, homeAddress: maskHidden };

/** The latest "today" anywhere on Earth: a date after it is in the future for everyone. */
export const latestToday = (now = new Date()) => todayIn('Etc/GMT-14', now);

/** Saves the person's profile, checking dates against each other and against today. */
export async function saveOwnProfile(ctx: ServiceContext, input: Record<string, string>, now = ctx.clock.now()) {
	const actor = requireSignedIn(ctx);
	const before = await getOwnProfile(ctx);
	const today = earliestToday(now);
	const { values, errors } = parseEachField(profileSchema, input);
	const family = readFamily(input, today);
	Object.assign(errors, family.errors);
	let institutionId: string | null = null;
	if (values.institution) {
		const [dest] = await ctx.db.select({ id: institutionDirectory.id }).from(institutionDirectory).where(eq(institutionDirectory.slug, values.institution));
		if (!dest) errors.institution = 'error_choose_one';
		else institutionId = dest.id;
	}
	// An arrival date already saved may pass (the person has arrived); a new one may not be past.
	if (values.arrivalDate && values.arrivalDate !== before.arrivalDate && values.arrivalDate < today) errors.arrivalDate ??= 'error_arrival_in_past';
	if (values.dateOfBirth && values.dateOfBirth > today) errors.dateOfBirth ??= 'error_profile_birth_future';
	if (values.passportIssuedOn && values.passportIssuedOn > latestToday(now)) errors.passportIssuedOn ??= 'error_profile_issued_future';
	if (values.passportIssuedOn && values.passportExpiry && values.passportIssuedOn >= values.passportExpiry) errors.passportIssuedOn ??= 'error_profile_issued_after_expiry';
	if (values.stayStart && values.stayEnd && values.stayEnd < values.stayStart) errors.stayEnd ??= 'error_departure_before_arrival';
	if (values.arrivalDate && values.stayEnd && values.stayEnd < values.arrivalDate) errors.stayEnd ??= 'error_departure_before_arrival';
	if (values.passportExpiry && values.arrivalDate && values.passportExpiry < values.arrivalDate) errors.passportExpiry ??= 'error_passport_expired';
	if (Object.keys(errors).length) throw invalidInput(errors);
	const data = values as z.output<typeof profileSchema>;

	const next = {
		kind: data.kind,
		purpose: data.purpose || purposeForKind(data.kind),
		institutionId,
		nationality: data.nationality,
		passportName: data.passportName,
		sex: data.sex,
		dateOfBirth: data.dateOfBirth,
		placeOfBirth: data.placeOfBirth,
		homeAddress: data.homeAddress,
		passportNumber: data.passportNumber,
		passportIssuedOn: data.passportIssuedOn,
		passportExpiry: data.passportExpiry,
		stayStart: data.stayStart,
		stayEnd: data.stayEnd,
		arrivalDate: data.arrivalDate,
		arrivalTime: data.arrivalTime,
		flightNumber: data.flightNumber,
		arrivalAirport: data.arrivalAirport,
		housing: data.housing,
		family: family.family,
		languages: data.languages,
		interests: data.interests
	};
	return inTransaction(ctx, async (tx) => {
		let saved: IncomingProfile | undefined;
		if (before.version === 0) {
			if (data.version !== 0) throw staleEdit();
			[saved] = await tx.db.insert(incomingProfile).values({ ...next, userId: actor.userId }).onConflictDoNothing().returning();
		} else {
			[saved] = await tx.db
				.update(incomingProfile)
				// A link to an agreement is the destination's: another destination drops it.
				.set({ ...next, ...(next.institutionId !== before.institutionId ? { agreementId: null, agreementMobility: null } : {}), version: sql`${incomingProfile.version} + 1`, updatedAt: new Date() })
				.where(and(eq(incomingProfile.userId, actor.userId), eq(incomingProfile.version, data.version)))
				.returning();
		}
		if (!saved) throw staleEdit();
		// Compared as saved, then masked: a changed address or passport shows as changed, not what it says.
		const changes = diffFields(before.version === 0 ? null : before, next);
		for (const [field, mask] of Object.entries(AUDIT_MASKS)) if (changes[field]) changes[field] = { from: mask(changes[field].from), to: mask(changes[field].to) };
		await recordAudit(tx, { entityType: 'incoming_profile', entityId: actor.userId, institutionId, action: before.version === 0 ? 'incoming_profile.create' : 'incoming_profile.update', changes });
		return saved;
	});
}
