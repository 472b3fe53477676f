import type { InstitutionCost } from './cost-import';

/**
 * Demo prices of two institutions (marked demo): dormitory ranges from the domain facts
 * (KZT 20,000–45,000 and RMB 500–3,000 a month) and the Chinese student insurance (about
 * RMB 800 a year); the rest are estimates.
 */
export const DEMO_INSTITUTION_COSTS: Record<string, InstitutionCost[]> = {
	enu: [
		{
			category: 'housing_dorm',
			period: 'month',
			low: 20_000,
			typical: 30_000,
			high: 45_000,
			currency: 'KZT',
			note: {
				en: 'A place in a twin room in the university dormitories, utilities included. (Demo figures.)',
				ru: 'Место в двухместной комнате в общежитиях университета, коммунальные услуги включены. (Демонстрационные данные.)',
				kk: 'Университет жатақханаларындағы екі орындық бөлмеде орын, коммуналдық қызметтер кіреді. (Демо деректер.)',
				zh: '大学宿舍双人间床位，含水电费。（演示数据）'
			},
			sourceUrl: null,
			verifiedOn: null
		}
	],
	tongji: [
		{
			category: 'housing_dorm',
			period: 'month',
			low: 900,
			typical: 1_500,
			high: 3_000,
			currency: 'CNY',
			note: {
				en: 'International student apartments on the Siping Road campus, single or double rooms. (Demo figures.)',
				ru: 'Апартаменты для иностранных студентов в кампусе на улице Сыпин, одно- или двухместные комнаты. (Демонстрационные данные.)',
				kk: 'Сыпин көшесіндегі кампуста шетелдік студенттерге арналған пәтерлер, бір немесе екі орындық бөлмелер. (Демо деректер.)',
				zh: '四平路校区留学生公寓，单人间或双人间。（演示数据）'
			},
			sourceUrl: null,
			verifiedOn: null
		},
		{
			category: 'insurance',
			period: 'year',
			low: 800,
			typical: 800,
			high: 800,
			currency: 'CNY',
			note: {
				en: 'Comprehensive insurance for international students, bought through the university after arrival.',
				ru: 'Комплексная страховка для иностранных студентов, оформляется через университет после приезда.',
				kk: 'Шетелдік студенттерге арналған кешенді сақтандыру, келгеннен кейін университет арқылы рәсімделеді.',
				zh: '来华留学生综合保险，抵校后通过学校统一购买。'
			},
			sourceUrl: null,
			verifiedOn: null
		}
	]
};
