/**
 * The cost-of-living budget: pure arithmetic over a city's cost items.
 * Monthly items count every month, yearly items once per started year, one-off items once.
 */
export type Lifestyle = 'low' | 'typical' | 'high';
export type HousingChoice = 'housing_dorm' | 'housing_shared' | 'housing_studio';

export interface CostLine {
	category: string;
	period: string;
	low: number;
	typical: number;
	high: number;
}

export interface Budget {
	monthly: { category: string; amount: number; covered: boolean }[];
	monthlyTotal: number;
	other: { category: string; period: string; amount: number; times: number; covered: boolean }[];
	stayTotal: number;
}

/**
 * Amounts are rounded to whole units of their currency line by line (`roundMoney`), so the lines
 * a person reads add up to the totals they read. Categories in `covered` (paid by a scholarship)
 * are listed with the amount 0 and `covered: true`.
 */
export function calculateBudget(items: CostLine[], choice: { lifestyle: Lifestyle; housing: HousingChoice; months: number; covered?: readonly string[] }): Budget {
	const relevant = items.filter((i) => !i.category.startsWith('housing_') || i.category === choice.housing);
	const isCovered = (i: CostLine) => choice.covered?.includes(i.category.startsWith('housing_') ? 'housing' : i.category) ?? false;
	const amount = (i: CostLine) => (isCovered(i) ? 0 : roundMoney(i[choice.lifestyle]));
	const monthly = relevant.filter((i) => i.period === 'month').map((i) => ({ category: i.category, amount: amount(i), covered: isCovered(i) }));
	const monthlyTotal = monthly.reduce((sum, i) => sum + i.amount, 0);
	const years = Math.ceil(choice.months / 12);
	const other = relevant
		.filter((i) => i.period !== 'month')
		.map((i) => ({ category: i.category, period: i.period, amount: amount(i), times: i.period === 'year' ? years : 1, covered: isCovered(i) }));
	const stayTotal = monthlyTotal * choice.months + other.reduce((sum, i) => sum + i.amount * i.times, 0);
	return { monthly, monthlyTotal, other, stayTotal };
}

/** Converts with euro rates (euros per unit of each currency). */
export function convert(amount: number, eurPerUnitFrom: number, eurPerUnitTo: number) {
	return (amount * eurPerUnitFrom) / eurPerUnitTo;
}

/** Whole units of a currency, halves away from zero (never "-0"). */
export function roundMoney(amount: number) {
	const rounded = Math.sign(amount) * Math.round(Math.abs(amount));
	return rounded === 0 ? 0 : rounded;
}

/** How a tuition fee is quoted: per academic year (programmes), per semester, or for the whole stay. */
export const TUITION_PERIODS = ['year', 'semester', 'stay'] as const;
export type TuitionPeriod = (typeof TUITION_PERIODS)[number];

/** Months in a semester: a year's fee is paid in two halves, per started semester. */
const SEMESTER_MONTHS = 6;

/**
 * Tuition for a stay of `months`. Universities charge per semester, not per month: a yearly fee
 * counts half for each started semester (10 months = two semesters = one year's fee; 5 months =
 * half), a semester fee once per started semester, a fee for the stay once. A programme shorter
 * than the stay is paid only for its own length. Rounded to whole units.
 */
export function tuitionForStay(fee: { amount: number; period: TuitionPeriod }, months: number, programmeMonths: number | null = null): { amount: number; semesters: number | null } {
	if (fee.period === 'stay') return { amount: roundMoney(fee.amount), semesters: null };
	const charged = programmeMonths === null ? months : Math.min(months, programmeMonths);
	const semesters = Math.max(1, Math.ceil(charged / SEMESTER_MONTHS));
	const perSemester = fee.period === 'year' ? fee.amount / 2 : fee.amount;
	return { amount: roundMoney(perSemester * semesters), semesters };
}

export interface FundsComparison {
	/** What the country's rule asks to be shown for the whole stay; null where it has no rule. */
	required: number | null;
	/** The person's budget for the stay: living, tuition and one-off costs. */
	total: number;
	/** The money the person has (their funds and a scholarship's stipend); null when not given. */
	available: number | null;
	/** Available minus required (negative: short by that much); null when either is unknown. */
	againstRequired: number | null;
	/** Available minus the budget. */
	againstTotal: number | null;
	/** The rule asks for more a month than the person plans to spend on living. */
	ruleAboveBudget: boolean | null;
}

/**
 * Proof of funds: the rule's monthly amount over the stay, compared with the budget and with the
 * money the person has. All amounts in one currency, rounded to whole units.
 */
export function compareFunds(input: { requiredMonthly: number | null; months: number; monthlyLiving: number; total: number; available: number | null }): FundsComparison {
	const required = input.requiredMonthly === null ? null : roundMoney(input.requiredMonthly * input.months);
	const total = roundMoney(input.total);
	const available = input.available === null ? null : roundMoney(input.available);
	return {
		required,
		total,
		available,
		againstRequired: required === null || available === null ? null : available - required,
		againstTotal: available === null ? null : available - total,
		ruleAboveBudget: input.requiredMonthly === null ? null : input.requiredMonthly > input.monthlyLiving
	};
}
