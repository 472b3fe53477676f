import type { LocalizedText } from '$lib/i18n/localized-text';
import type { CostCategory } from './costs.tables';

/**
 * Living costs per city. Dormitory and insurance figures come from the domain facts (sources
 * named); the other amounts are demo estimates, marked unverified ("check with the
 * institution") until an editor confirms them.
 */
const VERIFIED_ON = '2026-11-28';
type Row = [CostCategory, 'month' | 'year' | 'once', number, number, number, boolean?];

export interface CostSeed {
	countryCode: string;
	city: string;
	category: CostCategory;
	period: 'month' | 'year' | 'once';
	low: number;
	typical: number;
	high: number;
	currency: string;
	sortOrder: number;
	sourceUrl: string | null;
	verifiedOn: string;
	unverified: boolean;
	isDemo: boolean;
}

function city(countryCode: string, name: string, currency: string, sourceUrl: string, rows: Row[]): CostSeed[] {
	return rows.map(([category, period, low, typical, high, verified], index) => ({
		countryCode,
		city: name,
		category,
		period,
		low,
		typical,
		high,
		currency,
		sortOrder: index,
		sourceUrl: verified ? sourceUrl : null,
		verifiedOn: VERIFIED_ON,
		unverified: !verified,
		isDemo: !verified
	}));
}

const KZ_SOURCE = 'https://www.gov.kz';
const CN_SOURCE = 'https://www.campuschina.org';

const kazakhCity = (name: string, rentFactor: number) =>
	city('KZ', name, 'KZT', KZ_SOURCE, [
		['housing_dorm', 'month', 20_000, 30_000, 45_000, true],
		['housing_shared', 'month', 60_000 * rentFactor, 90_000 * rentFactor, 130_000 * rentFactor],
		['housing_studio', 'month', 150_000 * rentFactor, 220_000 * rentFactor, 320_000 * rentFactor],
		['food', 'month', 60_000, 90_000, 140_000],
		['transport', 'month', 4_000, 6_000, 15_000],
		['phone', 'month', 2_500, 4_000, 7_000],
		['insurance', 'year', 25_000, 40_000, 80_000],
		['visa_permits', 'once', 10_000, 20_000, 40_000],
		['study_materials', 'month', 3_000, 6_000, 12_000],
		['leisure', 'month', 15_000, 30_000, 60_000]
	]);

const chineseCity = (name: string, rentLow: number, rentHigh: number) =>
	city('CN', name, 'CNY', CN_SOURCE, [
		['housing_dorm', 'month', 500, 1_200, 3_000, true],
		['housing_shared', 'month', rentLow * 0.6, ((rentLow + rentHigh) / 2) * 0.6, rentHigh * 0.7],
		['housing_studio', 'month', rentLow, (rentLow + rentHigh) / 2, rentHigh * 1.5, name === 'Beijing'],
		['food', 'month', 1_000, 1_600, 2_500],
		['transport', 'month', 100, 200, 400],
		['phone', 'month', 50, 100, 150],
		['insurance', 'year', 800, 800, 1_200, true],
		['visa_permits', 'once', 400, 800, 1_200],
		['study_materials', 'month', 50, 100, 300],
		['leisure', 'month', 300, 600, 1_200]
	]);

const europeanCity = (countryCode: string, name: string, currency: string, k: number) =>
	city(countryCode, name, currency, '', [
		['housing_dorm', 'month', 300 * k, 450 * k, 650 * k],
		['housing_shared', 'month', 400 * k, 550 * k, 750 * k],
		['housing_studio', 'month', 650 * k, 900 * k, 1_300 * k],
		['food', 'month', 220 * k, 300 * k, 450 * k],
		['transport', 'month', 20 * k, 40 * k, 60 * k],
		['phone', 'month', 10 * k, 15 * k, 30 * k],
		['insurance', 'year', 300 * k, 500 * k, 900 * k],
		['visa_permits', 'once', 80 * k, 160 * k, 300 * k],
		['study_materials', 'month', 20 * k, 40 * k, 80 * k],
		['leisure', 'month', 80 * k, 150 * k, 300 * k]
	]);

export const COST_ITEMS: CostSeed[] = [
	...kazakhCity('Astana', 1),
	...kazakhCity('Almaty', 1.1),
	...kazakhCity('Karaganda', 0.7),
	...chineseCity('Beijing', 2_000, 3_000),
	...chineseCity('Shanghai', 2_500, 3_800),
	...europeanCity('ES', 'Barcelona', 'EUR', 1.15),
	...europeanCity('ES', 'Tarragona', 'EUR', 0.85),
	...europeanCity('SE', 'Stockholm', 'SEK', 12),
	...europeanCity('EE', 'Tallinn', 'EUR', 0.9),
	...europeanCity('PT', 'Lisbon', 'EUR', 1),
	...europeanCity('FR', 'Perpignan', 'EUR', 0.85)
].map((item) => ({ ...item, low: Math.round(item.low), typical: Math.round(item.typical), high: Math.round(item.high) }));

export interface FundsSeed {
	countryCode: string;
	monthlyAmount: number;
	currency: string;
	note: LocalizedText;
	sourceUrl: string;
	verifiedOn: string;
	unverified: boolean;
}

/** Proof-of-funds rules for student visas; each to be confirmed against its source. */
export const FUNDS_REQUIREMENTS: FundsSeed[] = [
	{
		countryCode: 'FR',
		monthlyAmount: 615,
		currency: 'EUR',
		note: { en: 'Student visa applicants show at least EUR 615 a month of stay.', ru: 'Для студенческой визы нужно подтвердить не менее 615 евро на каждый месяц пребывания.', kk: 'Студенттік виза үшін болу мерзімінің әр айына кемінде 615 еуро бар екенін растау қажет.', zh: '申请学生签证须证明停留期间每月至少有 615 欧元。' },
		sourceUrl: 'https://france-visas.gouv.fr',
		verifiedOn: VERIFIED_ON,
		unverified: true
	},
	{
		countryCode: 'ES',
		monthlyAmount: 600,
		currency: 'EUR',
		note: { en: 'Spain asks for 100 % of the IPREM index per month of stay (about EUR 600).', ru: 'Испания требует 100 % индекса IPREM на месяц пребывания (около 600 евро).', kk: 'Испания болу мерзімінің әр айына IPREM индексінің 100 %-ын талап етеді (шамамен 600 еуро).', zh: '西班牙要求每月具备 100% IPREM 指数的资金（约 600 欧元）。' },
		sourceUrl: 'https://www.exteriores.gob.es',
		verifiedOn: VERIFIED_ON,
		unverified: true
	},
	{
		countryCode: 'SE',
		monthlyAmount: 10_584,
		currency: 'SEK',
		note: { en: 'The Swedish Migration Agency asks students to show this amount for each month of study.', ru: 'Миграционное ведомство Швеции требует подтвердить эту сумму на каждый месяц учёбы.', kk: 'Швеция көші-қон агенттігі оқудың әр айына осы соманы растауды талап етеді.', zh: '瑞典移民局要求学生证明每个学习月份具备该金额。' },
		sourceUrl: 'https://www.migrationsverket.se',
		verifiedOn: VERIFIED_ON,
		unverified: true
	}
];
