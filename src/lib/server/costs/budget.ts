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
	monthly: { category: string; amount: number }[];
	monthlyTotal: number;
	other: { category: string; period: string; amount: number; times: number }[];
	stayTotal: number;
}

export function calculateBudget(items: CostLine[], choice: { lifestyle: Lifestyle; housing: HousingChoice; months: number }): Budget {
	const relevant = items.filter((i) => !i.category.startsWith('housing_') || i.category === choice.housing);
	const amount = (i: CostLine) => i[choice.lifestyle];
	const monthly = relevant.filter((i) => i.period === 'month').map((i) => ({ category: i.category, amount: amount(i) }));
	const monthlyTotal = monthly.reduce((sum, i) => sum + i.amount, 0);
	const years = Math.ceil(choice.months / 12);
	const other = relevant
		.filter((i) => i.period !== 'month')
		.map((i) => ({ category: i.category, period: i.period, amount: amount(i), times: i.period === 'year' ? years : 1 }));
	const stayTotal = monthlyTotal * choice.months + other.reduce((sum, i) => sum + i.amount * i.times, 0);
	return { monthly, monthlyTotal, other, stayTotal };
}

/** Converts with euro rates (euros per unit of each currency). */
export function convert(amount: number, eurPerUnitFrom: number, eurPerUnitTo: number) {
	return (amount * eurPerUnitFrom) / eurPerUnitTo;
}
