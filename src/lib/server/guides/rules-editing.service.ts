import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES } from '$lib/i18n/locales';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { isStayPurpose } from '$lib/welcome/stay-purpose';
import { authorizePlatform } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { checkboxInput, countryListInput, isoDateInput, localizedInput, optionalWholeInput, sourceUrlInput, translatedFromForm } from '../editing/content-inputs';
import { invalidatePages } from '../http-cache/page-cache';
import { inTransaction, type ServiceContext } from '../platform/context';
import { invalidInput, isUniqueViolation, notFound, staleEdit } from '../platform/errors';
import { parseInput, isUuid } from '../platform/validation';
import { arrivalRule, calendarDay, countryGuide, visaRoute } from './guides.tables';
import { RULE_ANCHORS } from './planner';

/**
 * Country editors (and platform admins) keep the facts the guides and the arrival planner apply:
 * visa routes, arrival steps with their deadlines, and the official calendar of holidays and
 * moved working days. Every fact has its source and the day it was checked. Facts that no longer
 * apply are withdrawn, not deleted: the history stays, and the seeded reference data (added at
 * every start) does not come back. Every change is audited.
 */

/** Codes keep their case: the seeded Chinese routes are the official visa letters (X1, X2, and single letters: F, Z, R). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_]{0,39}$/;

const provenanceInput = {
	sourceUrl: sourceUrlInput,
	verifiedOn: isoDateInput,
	unverified: checkboxInput
};

const codeInput = z.string().trim().regex(CODE, 'rules_error_code');
/** Ticked purposes of stay (a list, or comma-joined as forms send them); none: any purpose. */
const purposesInput = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => [...new Set((Array.isArray(v) ? v : (v ?? '').split(',')).map((p) => p.trim()).filter(Boolean))])
	.refine((list) => list.every(isStayPurpose), 'error_choose_one');
/** Platform content is written in English first: the English text is needed to save. */
const englishRequired = (max: number) => localizedInput(max).refine((v) => !!v.en?.trim(), 'error_english_required');
const stayBounds = <T extends { minStayDays: number | null; maxStayDays: number | null }>(v: T) => v.minStayDays === null || v.maxStayDays === null || v.minStayDays <= v.maxStayDays;

const visaRouteSchema = z
	.object({
		code: codeInput,
		name: englishRequired(200),
		description: localizedInput(3000),
		minStayDays: optionalWholeInput(3650),
		maxStayDays: optionalWholeInput(3650),
		nationalities: countryListInput,
		excludedNationalities: countryListInput,
		purposes: purposesInput,
		visaFree: checkboxInput,
		documents: localizedInput(5000),
		feeAmount: optionalWholeInput(10_000_000),
		feeCurrency: z
			.string()
			.trim()
			.toUpperCase()
			.refine((v) => v === '' || /^[A-Z]{3}$/.test(v), 'error_currency_invalid'),
		processingDaysMin: optionalWholeInput(365),
		processingDaysMax: optionalWholeInput(365),
		sortOrder: optionalWholeInput(10_000),
		...provenanceInput,
		version: z.coerce.number().int().min(0)
	})
	.refine(stayBounds, { message: 'error_stay_bounds', path: ['maxStayDays'], when: () => true })
	.refine((v) => v.feeAmount === null || !!v.feeCurrency, { message: 'error_required', path: ['feeCurrency'], when: () => true })
	.refine((v) => v.processingDaysMin === null || v.processingDaysMax === null || v.processingDaysMin <= v.processingDaysMax, { message: 'error_stay_bounds', path: ['processingDaysMax'], when: () => true });

export const ARRIVAL_UNITS = ['hours', 'calendar_days', 'working_days'] as const;
export const ARRIVAL_RESPONSIBLE = ['self', 'host'] as const;
export const ARRIVAL_HOUSING = ['off_campus', 'on_campus'] as const;

const arrivalRuleSchema = z
	.object({
		code: codeInput,
		title: englishRequired(200),
		description: localizedInput(3000),
		/** Absent (older forms): after arrival. */
		anchor: z.enum(RULE_ANCHORS, 'error_choose_one').default('arrival'),
		offset: optionalWholeInput(10_000).refine((v) => v !== null, 'error_required'),
		unit: z.enum(ARRIVAL_UNITS, 'error_choose_one'),
		responsible: z.enum(ARRIVAL_RESPONSIBLE, 'error_choose_one'),
		minStayDays: optionalWholeInput(3650),
		maxStayDays: optionalWholeInput(3650),
		visaRoutes: z.union([z.string(), z.array(z.string())]).transform((v) => [...new Set((Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((c) => c.trim()).filter(Boolean))]),
		purposes: purposesInput,
		housing: z.union([z.literal(''), z.enum(ARRIVAL_HOUSING, 'error_choose_one')]),
		sortOrder: optionalWholeInput(10_000),
		...provenanceInput,
		version: z.coerce.number().int().min(0)
	})
	.refine(stayBounds, { message: 'error_stay_bounds', path: ['maxStayDays'], when: () => true })
	// A yearly step comes before each anniversary: more than a year before would be the year before.
	.refine((v) => v.anchor !== 'before_anniversary' || v.offset === null || v.offset < 365, { message: 'error_number_range', path: ['offset'], when: () => true });

const calendarDaySchema = z.object({
	date: isoDateInput,
	kind: z.enum(['holiday', 'working_day'], 'error_choose_one'),
	name: englishRequired(200),
	...provenanceInput
});

/** Documents are edited as one text per language, one document per line, in the same order. */
export function documentsToText(documents: LocalizedText[]): LocalizedText {
	return Object.fromEntries(LOCALES.map((l) => [l, documents.map((d) => d[l] ?? '').join('\n')]).filter(([, text]) => (text as string).trim()));
}
function documentsFromText(text: LocalizedText): LocalizedText[] {
	const lines = Object.fromEntries(LOCALES.map((l) => [l, (text[l] ?? '').split('\n').map((s) => s.trim())]));
	const count = Math.max(...LOCALES.map((l) => lines[l]!.filter(Boolean).length ? lines[l]!.length : 0));
	return Array.from({ length: count }, (_, i) => cleanLocalizedText(Object.fromEntries(LOCALES.map((l) => [l, lines[l]![i] ?? ''])))).filter((d) => Object.keys(d).length);
}

async function guideOf(ctx: ServiceContext, countryCode: string) {
	authorizePlatform(ctx.actor, 'guides.edit');
	const code = countryCode.toUpperCase();
	const [guide] = await ctx.db.select({ countryCode: countryGuide.countryCode }).from(countryGuide).where(eq(countryGuide.countryCode, code));
	if (!guide) throw notFound();
	return guide.countryCode;
}

const uuidOrNotFound = (id: string) => {
	if (!isUuid(id)) throw notFound();
	return id;
};

/** A form's fields as a visa route input (flat names, `name.en`…, documents one per line). */
export function visaRouteInputFromForm(input: Record<string, string>) {
	return { ...input, ...translatedFromForm(input, ['name', 'description', 'documents']) };
}
export const arrivalRuleInputFromForm = (input: Record<string, string>) => ({ ...input, ...translatedFromForm(input, ['title', 'description']) });
export const calendarDayInputFromForm = (input: Record<string, string>) => ({ ...input, ...translatedFromForm(input, ['name']) });

/** The country's facts for its editors: routes and steps in order, withdrawn ones last. */
export async function listCountryRules(ctx: ServiceContext, countryCode: string) {
	const code = await guideOf(ctx, countryCode);
	const [routes, rules] = await Promise.all([
		ctx.db.select().from(visaRoute).where(eq(visaRoute.countryCode, code)).orderBy(sql`${visaRoute.withdrawnAt} is not null`, asc(visaRoute.sortOrder)),
		ctx.db.select().from(arrivalRule).where(eq(arrivalRule.countryCode, code)).orderBy(sql`${arrivalRule.withdrawnAt} is not null`, asc(arrivalRule.sortOrder))
	]);
	return { countryCode: code, routes, rules };
}

export async function getVisaRoute(ctx: ServiceContext, countryCode: string, id: string) {
	const code = await guideOf(ctx, countryCode);
	const [row] = await ctx.db.select().from(visaRoute).where(and(eq(visaRoute.id, uuidOrNotFound(id)), eq(visaRoute.countryCode, code)));
	if (!row) throw notFound();
	return row;
}

export async function getArrivalRule(ctx: ServiceContext, countryCode: string, id: string) {
	const code = await guideOf(ctx, countryCode);
	const [row] = await ctx.db.select().from(arrivalRule).where(and(eq(arrivalRule.id, uuidOrNotFound(id)), eq(arrivalRule.countryCode, code)));
	if (!row) throw notFound();
	return row;
}

/** Creates (`id` null) or saves a visa route if nobody saved it since `version`. */
export async function saveVisaRoute(ctx: ServiceContext, countryCode: string, id: string | null, input: unknown) {
	const code = await guideOf(ctx, countryCode);
	const data = parseInput(visaRouteSchema, input);
	const next = {
		code: data.code,
		name: cleanLocalizedText(data.name),
		description: cleanLocalizedText(data.description),
		minStayDays: data.minStayDays,
		maxStayDays: data.maxStayDays,
		nationalities: data.nationalities.length ? data.nationalities : null,
		excludedNationalities: data.excludedNationalities,
		purposes: data.purposes.length ? data.purposes : null,
		visaFree: data.visaFree,
		documents: documentsFromText(data.documents),
		feeAmount: data.feeAmount,
		feeCurrency: data.feeAmount === null ? null : data.feeCurrency,
		processingDaysMin: data.processingDaysMin,
		processingDaysMax: data.processingDaysMax,
		sortOrder: data.sortOrder ?? 0,
		sourceUrl: data.sourceUrl,
		verifiedOn: data.verifiedOn,
		unverified: data.unverified
	};
	return writeFact(ctx, {
		entityType: 'visa_route',
		table: visaRoute,
		countryCode: code,
		id,
		version: data.version,
		next,
		load: (tx, rowId) => getVisaRoute(tx, code, rowId)
	});
}

/** Creates (`id` null) or saves an arrival step if nobody saved it since `version`. */
export async function saveArrivalRule(ctx: ServiceContext, countryCode: string, id: string | null, input: unknown) {
	const code = await guideOf(ctx, countryCode);
	const data = parseInput(arrivalRuleSchema, input);
	const known = new Set((await ctx.db.select({ code: visaRoute.code }).from(visaRoute).where(eq(visaRoute.countryCode, code))).map((r) => r.code));
	if (!data.visaRoutes.every((r) => known.has(r))) throw invalidInput({ visaRoutes: 'error_unknown_visa_route' });
	const next = {
		code: data.code,
		title: cleanLocalizedText(data.title),
		description: cleanLocalizedText(data.description),
		anchor: data.anchor,
		offset: data.offset!,
		unit: data.unit,
		responsible: data.responsible,
		minStayDays: data.minStayDays,
		maxStayDays: data.maxStayDays,
		visaRoutes: data.visaRoutes.length ? data.visaRoutes : null,
		purposes: data.purposes.length ? data.purposes : null,
		housing: data.housing || null,
		sortOrder: data.sortOrder ?? 0,
		sourceUrl: data.sourceUrl,
		verifiedOn: data.verifiedOn,
		unverified: data.unverified
	};
	return writeFact(ctx, {
		entityType: 'arrival_rule',
		table: arrivalRule,
		countryCode: code,
		id,
		version: data.version,
		next,
		load: (tx, rowId) => getArrivalRule(tx, code, rowId)
	});
}

type FactTable = typeof visaRoute | typeof arrivalRule;

async function writeFact(
	ctx: ServiceContext,
	fact: { entityType: 'visa_route' | 'arrival_rule'; table: FactTable; countryCode: string; id: string | null; version: number; next: Record<string, unknown>; load: (tx: ServiceContext, id: string) => Promise<Record<string, unknown>> }
) {
	const t = fact.table;
	return inTransaction(ctx, async (tx) => {
		try {
			if (!fact.id) {
				const [created] = await tx.db.insert(t).values({ ...fact.next, countryCode: fact.countryCode } as never).returning({ id: t.id });
				await recordAudit(tx, { entityType: fact.entityType, entityId: created!.id, action: `${fact.entityType}.create`, changes: diffFields(null, fact.next) });
				invalidatePages(tx);
				return created!;
			}
			const before = await fact.load(tx, fact.id);
			const [saved] = await tx.db
				.update(t)
				.set({ ...fact.next, version: sql`${t.version} + 1`, updatedAt: new Date() } as never)
				.where(and(eq(t.id, fact.id), eq(t.version, fact.version)))
				.returning({ id: t.id });
			if (!saved) throw staleEdit();
			await recordAudit(tx, { entityType: fact.entityType, entityId: fact.id, action: `${fact.entityType}.update`, changes: diffFields(before, fact.next) });
			invalidatePages(tx);
			return saved;
		} catch (err) {
			if (isUniqueViolation(err)) throw invalidInput({ code: 'error_rule_code_taken' });
			throw err;
		}
	});
}

/** Takes a route or step off the guide and the planner (or puts it back); history stays. */
export async function setFactWithdrawn(ctx: ServiceContext, countryCode: string, kind: 'visa_route' | 'arrival_rule', id: string, withdrawn: boolean) {
	const code = await guideOf(ctx, countryCode);
	const t = kind === 'visa_route' ? visaRoute : arrivalRule;
	return inTransaction(ctx, async (tx) => {
		const [row] = await tx.db
			.update(t)
			.set({ withdrawnAt: withdrawn ? new Date() : null, version: sql`${t.version} + 1`, updatedAt: new Date() } as never)
			.where(and(eq(t.id, uuidOrNotFound(id)), eq(t.countryCode, code)))
			.returning({ id: t.id });
		if (!row) throw notFound();
		await recordAudit(tx, { entityType: kind, entityId: id, action: `${kind}.${withdrawn ? 'withdraw' : 'restore'}` });
		invalidatePages(tx);
	});
}

/** The official calendar of one year: holidays and moved working days, withdrawn ones included. */
export async function listCalendar(ctx: ServiceContext, countryCode: string, year: number) {
	const code = await guideOf(ctx, countryCode);
	return ctx.db
		.select()
		.from(calendarDay)
		.where(and(eq(calendarDay.countryCode, code), gte(calendarDay.date, `${year}-01-01`), lt(calendarDay.date, `${year + 1}-01-01`)))
		.orderBy(asc(calendarDay.date));
}

/** Adds a day or replaces the one on that date (bringing a withdrawn one back). */
export async function saveCalendarDay(ctx: ServiceContext, countryCode: string, input: unknown) {
	const code = await guideOf(ctx, countryCode);
	const data = parseInput(calendarDaySchema, input);
	const next = { kind: data.kind, name: cleanLocalizedText(data.name), sourceUrl: data.sourceUrl, verifiedOn: data.verifiedOn, unverified: data.unverified, withdrawnAt: null };
	return inTransaction(ctx, async (tx) => {
		const [before] = await tx.db.select().from(calendarDay).where(and(eq(calendarDay.countryCode, code), eq(calendarDay.date, data.date)));
		await tx.db
			.insert(calendarDay)
			.values({ countryCode: code, date: data.date, ...next })
			.onConflictDoUpdate({ target: [calendarDay.countryCode, calendarDay.date], set: next });
		await recordAudit(tx, { entityType: 'calendar_day', entityId: `${code}:${data.date}`, action: before ? 'calendar_day.update' : 'calendar_day.create', changes: diffFields(before ?? null, next) });
		invalidatePages(tx);
	});
}

/** Withdraws a day: working days are counted as if it were not listed. */
export async function withdrawCalendarDay(ctx: ServiceContext, countryCode: string, date: string) {
	const code = await guideOf(ctx, countryCode);
	if (!isoDateInput.safeParse(date).success) throw notFound();
	return inTransaction(ctx, async (tx) => {
		const [row] = await tx.db
			.update(calendarDay)
			.set({ withdrawnAt: new Date() })
			.where(and(eq(calendarDay.countryCode, code), eq(calendarDay.date, date), isNull(calendarDay.withdrawnAt)))
			.returning({ date: calendarDay.date });
		if (!row) throw notFound();
		await recordAudit(tx, { entityType: 'calendar_day', entityId: `${code}:${date}`, action: 'calendar_day.withdraw' });
		invalidatePages(tx);
	});
}
