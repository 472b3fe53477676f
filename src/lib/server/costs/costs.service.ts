import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { invalidInput } from '../platform/errors';
import type { Platform, ServiceContext } from '../platform/context';
import { parseInput } from '../platform/validation';
import type { MessageKey } from '$lib/i18n/messages';
import { directoryShortNameIn } from '../institutions/short-name';
import { institutionDirectory } from '../institutions/institutions.views';
import { amountParam } from '../platform/query-params';
import { latestRatesWithDates } from '../programmes/exchange-rates';
import { listProgrammeFees } from '../programmes/programmes.service';
import { scholarshipsForProgramme } from '../scholarships/scholarships.service';
import { calculateBudget, compareFunds, convert, roundMoney, TUITION_PERIODS, tuitionForStay, type TuitionPeriod } from './budget';
import { COST_ITEMS, FUNDS_REQUIREMENTS } from './costs.data';
import { COST_CATEGORIES, costItem, fundsRequirement } from './costs.tables';

export async function seedCosts(platform: Platform) {
	await platform.db.insert(costItem).values(COST_ITEMS).onConflictDoNothing();
	await platform.db.insert(fundsRequirement).values(FUNDS_REQUIREMENTS).onConflictDoNothing();
}

/** The cities that have cost data, with their country. */
export async function listCostCities(ctx: ServiceContext) {
	return ctx.db.selectDistinct({ city: costItem.city, countryCode: costItem.countryCode }).from(costItem).where(isNull(costItem.institutionId)).orderBy(asc(costItem.countryCode), asc(costItem.city));
}

const slugParam = z.string().trim().max(120, 'error_choose_one').regex(/^[a-z0-9-]+$/, 'error_choose_one').optional();
const currencyParam = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'error_choose_one').optional();
/** A sum typed by a person; anything but a plain amount is explained next to the field. */
const amountInput = z
	.string()
	.optional()
	.transform((value, check) => {
		if (value === undefined || value.trim() === '') return undefined;
		const amount = amountParam(value);
		if (amount === undefined) check.addIssue({ code: 'custom', message: 'error_costs_amount_invalid' });
		return amount;
	});

export const TUITION_CHOICES = ['programme', 'own', 'none'] as const;
export type TuitionChoice = (typeof TUITION_CHOICES)[number];

export const budgetSchema = z.object({
	/** Required, unless an institution names it. */
	city: z.string().trim().max(80, 'error_choose_one').optional(),
	housing: z.enum(['housing_dorm', 'housing_shared', 'housing_studio'], 'error_choose_one').default('housing_dorm'),
	lifestyle: z.enum(['low', 'typical', 'high'], 'error_choose_one').default('typical'),
	/** Default: the chosen programme's length (at most 72 months), else an academic year of 10. */
	months: z.coerce.number('error_months_invalid').int('error_months_invalid').min(1, 'error_months_invalid').max(72, 'error_months_invalid').optional(),
	currency: currencyParam,
	/** Where the person studies (institution slug): its own prices replace the city's, its programmes bring their tuition. */
	institution: z.string().trim().max(80).optional(),
	programme: slugParam,
	/** A scholarship open to the programme: what it covers leaves the budget, its stipend counts as money. */
	scholarship: slugParam,
	/** Where the tuition comes from; when absent, a chosen programme or a typed amount decides. */
	tuition: z.enum(TUITION_CHOICES, 'error_choose_one').optional(),
	tuitionAmount: amountInput,
	tuitionPeriod: z.enum(TUITION_PERIODS, 'error_choose_one').default('year'),
	tuitionCurrency: currencyParam,
	/** The money the person will have for the stay, in `fundsCurrency`. */
	funds: amountInput,
	fundsCurrency: currencyParam
});
export type BudgetInput = z.output<typeof budgetSchema>;

type Rates = Awaited<ReturnType<typeof latestRatesWithDates>>;

/** The institutions in a city (by its English name, the key of the cost data), for "where you study". */
async function institutionsInCity(ctx: ServiceContext, city: string) {
	return ctx.db
		.select({ id: institutionDirectory.id, slug: institutionDirectory.slug, shortName: directoryShortNameIn(ctx.locale), countryCode: institutionDirectory.countryCode })
		.from(institutionDirectory)
		.where(sql`${institutionDirectory.city} ->> 'en' = ${city}`)
		.orderBy(asc(institutionDirectory.slug));
}

/** The city of an institution, when the calculator has figures for it. */
async function cityOfInstitution(ctx: ServiceContext, slug: string) {
	if (!/^[a-z0-9-]{1,80}$/.test(slug)) return undefined;
	const [row] = await ctx.db
		.select({ city: sql<string>`${institutionDirectory.city} ->> 'en'` })
		.from(institutionDirectory)
		.where(and(eq(institutionDirectory.slug, slug), sql`exists (select 1 from ${costItem} where ${costItem.city} = ${institutionDirectory.city} ->> 'en' and ${costItem.institutionId} is null)`));
	return row?.city;
}

/**
 * What the person chose to study, checked against what the city offers: an institution elsewhere
 * or unknown is left out (its prices and programmes do not belong in this city's budget).
 */
async function studyChoice(ctx: ServiceContext, city: string, chosen: { institution?: string; programme?: string; scholarship?: string }) {
	const institutions = await institutionsInCity(ctx, city);
	const place = institutions.find((i) => i.slug === chosen.institution) ?? null;
	const programmes = place ? await listProgrammeFees(ctx, place.id) : [];
	const programme = programmes.find((p) => p.slug === chosen.programme) ?? null;
	const scholarships =
		place && programme ? await scholarshipsForProgramme(ctx, { countryCode: place.countryCode, institutionId: place.id, level: programme.level, iscedCode: programme.iscedCode }) : [];
	const scholarship = scholarships.find((s) => s.slug === chosen.scholarship) ?? null;
	return { institutions, place, programmes, programme, scholarships, scholarship };
}

/** The choices the form offers, read leniently (for a form shown again with errors). */
export async function calculatorOptions(ctx: ServiceContext, query: Record<string, string>) {
	const clean = (v: string | undefined) => (v && v.length <= 120 ? v.trim() : undefined);
	const institutionSlug = clean(query.institution);
	const city = clean(query.city) || (institutionSlug ? await cityOfInstitution(ctx, institutionSlug) : undefined);
	if (!city) return { city: '', institutions: [], programmes: [], scholarships: [] };
	const study = await studyChoice(ctx, city, { institution: institutionSlug, programme: clean(query.programme) });
	return { city, institutions: study.institutions, programmes: study.programmes, scholarships: study.scholarships };
}

/**
 * An institution's own prices in the city's currency (rounded to whole units).
 */
async function institutionPrices(ctx: ServiceContext, owner: { id: string }, local: string, rates: Rates) {
	const rows = await ctx.db.select().from(costItem).where(eq(costItem.institutionId, owner.id));
	const localRate = rates.get(local)?.eurPerUnit;
	return rows.flatMap((r) => {
		if (r.currency === local) return [r];
		const rate = rates.get(r.currency)?.eurPerUnit;
		if (!rate || !localRate) return [];
		const inLocal = (amount: number) => roundMoney(convert(amount, rate, localRate));
		return [{ ...r, currency: local, low: inLocal(r.low), typical: inLocal(r.typical), high: inLocal(r.high) }];
	});
}

/** An amount from one currency into another at the latest rates; null when a rate is missing. */
function exchange(amount: number, from: string, to: string, rates: Rates) {
	if (from === to) return amount;
	const a = rates.get(from)?.eurPerUnit;
	const b = rates.get(to)?.eurPerUnit;
	return a && b ? convert(amount, a, b) : null;
}

/**
 * The whole budget of a stay: living costs (the city's figures, or the institution's own where it
 * has them), tuition (the programme's, an amount typed, or none), what a scholarship pays, and
 * the proof of funds the country asks, compared with the money the person has. Amounts are in
 * the city's currency; `displayRate` converts them into the one the person chose.
 */
export async function planBudget(ctx: ServiceContext, query: Record<string, string>) {
	const parsed = parseInput(budgetSchema, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')));
	const city = parsed.city || (parsed.institution ? await cityOfInstitution(ctx, parsed.institution) : undefined);
	if (!city) throw invalidInput({ city: 'error_choose_one' });
	const items = await ctx.db.select().from(costItem).where(and(eq(costItem.city, city), isNull(costItem.institutionId))).orderBy(asc(costItem.sortOrder));
	if (!items.length) throw invalidInput({ city: 'error_choose_one' });
	const local = items[0]!.currency;
	const countryCode = items[0]!.countryCode;
	const rates = await latestRatesWithDates(ctx);
	const known = (currency: string | undefined) => !currency || currency === local || rates.has(currency);
	const study = await studyChoice(ctx, city, parsed);
	const fields: Partial<Record<string, MessageKey>> = {};
	if (!known(parsed.currency)) fields.currency = 'error_choose_one';
	if (!known(parsed.tuitionCurrency)) fields.tuitionCurrency = 'error_choose_one';
	if (!known(parsed.fundsCurrency)) fields.fundsCurrency = 'error_choose_one';
	// A programme needs its institution in this city; a scholarship needs its programme.
	// Each error goes to a field the form shows: the programme list exists once a university is chosen.
	const programmeField = study.programmes.length ? 'programme' : 'tuition';
	if (parsed.programme && !study.programme) fields[study.place ? programmeField : study.institutions.length ? 'institution' : 'tuition'] = 'error_choose_one';
	if (parsed.scholarship && !study.scholarship && study.programme) fields.scholarship = 'error_choose_one';
	const choice: TuitionChoice | null = parsed.tuition ?? (study.programme ? 'programme' : parsed.tuitionAmount !== undefined ? 'own' : null);
	if (choice === 'programme' && !study.programme && !fields.institution) fields[programmeField] ??= 'error_costs_choose_programme';
	if (choice === 'own' && parsed.tuitionAmount === undefined) fields.tuitionAmount = 'error_required';
	if (Object.keys(fields).length) throw invalidInput(fields);

	const { place, programme, scholarship } = study;
	const months = parsed.months ?? (programme ? Math.min(programme.durationMonths, 72) : 10);
	const input = { ...parsed, city, months };
	const own = place ? await institutionPrices(ctx, place, local, rates) : [];
	const order = (category: string) => (COST_CATEGORIES as readonly string[]).indexOf(category);
	// The institution's prices take the place of the city's, in the usual order of categories.
	const lines = own.length ? [...items.filter((i) => !own.some((o) => o.category === i.category)), ...own].sort((a, b) => order(a.category) - order(b.category)) : items;
	const covers = new Set(scholarship?.covers ?? []);
	const budget = calculateBudget(lines, { ...input, covered: [...covers].filter((c) => c === 'housing' || c === 'insurance') });

	const tuition = planTuition(choice, { programme, covers, input, local, rates });
	const stipendMonthly = scholarship && programme && covers.has('stipend') && scholarship.stipendCurrency ? scholarship.stipends[programme.level] : undefined;
	const stipendLocal = stipendMonthly === undefined ? null : exchange(stipendMonthly, scholarship!.stipendCurrency!, local, rates);
	const stipend = stipendLocal === null ? null : { monthly: roundMoney(stipendLocal), total: roundMoney(stipendLocal) * months };
	const total = budget.stayTotal + (tuition?.amount ?? 0);

	const fundsCurrency = input.fundsCurrency ?? local;
	const fundsLocal = input.funds === undefined ? null : exchange(input.funds, fundsCurrency, local, rates);
	const available = fundsLocal === null && !stipend ? null : roundMoney(fundsLocal ?? 0) + (stipend?.total ?? 0);
	const [rule] = await ctx.db.select().from(fundsRequirement).where(eq(fundsRequirement.countryCode, countryCode));
	const requiredMonthly = rule ? exchange(rule.monthlyAmount, rule.currency, local, rates) : null;
	const comparison = compareFunds({ requiredMonthly, months, monthlyLiving: budget.monthlyTotal, total, available });

	const localRate = rates.get(local);
	const target = input.currency && input.currency !== local ? rates.get(input.currency) : undefined;
	return {
		input,
		countryCode,
		currency: local,
		budget,
		/** The institution whose own prices are used (only when it has some). */
		institution: place && own.length ? { slug: place.slug, shortName: place.shortName } : null,
		study: { institution: place, programme, scholarship },
		/** Where the tuition comes from, as chosen or implied (a programme, an amount typed). */
		tuitionChoice: choice,
		tuition,
		stipend,
		total,
		funds: {
			rule: rule ? { ...rule, monthlyLocal: requiredMonthly } : null,
			fundsCurrency,
			given: input.funds ?? null,
			...comparison
		},
		unverified: lines.some((i) => i.unverified),
		sources: [...new Set(lines.flatMap((i) => (i.sourceUrl ? [i.sourceUrl] : [])))],
		/** Units of the chosen currency per unit of the city's, and the date of the older rate. */
		display: target && localRate ? { currency: input.currency!, rate: localRate.eurPerUnit / target.eurPerUnit, asOf: [localRate.asOf, target.asOf].sort()[0]! } : null,
		currencies: [...new Set([local, ...rates.keys()])].sort(),
		options: { institutions: study.institutions, programmes: study.programmes, scholarships: study.scholarships }
	};
}

export type BudgetPlan = Awaited<ReturnType<typeof planBudget>>;

/** Where the tuition comes from and what it comes to over the stay, in the city's currency. */
function planTuition(
	choice: TuitionChoice | null,
	c: { programme: Awaited<ReturnType<typeof listProgrammeFees>>[number] | null; covers: Set<string>; input: BudgetInput & { months: number }; local: string; rates: Rates }
) {
	const { programme, input, local, rates } = c;
	// A scholarship that pays the tuition of the chosen programme.
	if (programme && c.covers.has('tuition') && choice !== 'own') return { source: 'scholarship' as const, fee: null, amount: 0, semesters: null };
	if (choice === 'none') return { source: 'none' as const, fee: null, amount: 0, semesters: null };
	const fee =
		choice === 'programme' && programme?.tuitionAmount != null
			? { amount: programme.tuitionAmount, currency: programme.tuitionCurrency ?? local, period: 'year' as TuitionPeriod }
			: choice === 'own' && input.tuitionAmount !== undefined
				? { amount: input.tuitionAmount, currency: input.tuitionCurrency ?? local, period: input.tuitionPeriod }
				: null;
	if (choice === 'programme' && !fee) return { source: 'unknown' as const, fee: null, amount: null, semesters: null };
	if (!fee) return null;
	const stay = tuitionForStay(fee, input.months, choice === 'programme' ? programme!.durationMonths : null);
	const inLocal = exchange(stay.amount, fee.currency, local, rates);
	// A fee in a currency without a rate cannot be added up: shown, but left out of the total.
	return { source: choice!, fee, feeForStay: stay.amount, amount: inLocal === null ? null : roundMoney(inLocal), semesters: stay.semesters };
}
