import type { LocalizedText } from '$lib/i18n/localized-text';
import type { ScholarshipCover } from './scholarships.tables';

export interface ScholarshipSeed {
	slug: string;
	countryCode: string;
	institution?: string;
	provider: LocalizedText;
	name: LocalizedText;
	summary: LocalizedText;
	levels: string[];
	fields?: string[];
	eligibleNationalities?: string[];
	excludedNationalities?: string[];
	covers: ScholarshipCover[];
	stipends?: Partial<Record<string, number>>;
	stipendCurrency?: string;
	applicationDeadline?: string;
	url?: string;
	sourceUrl: string;
	verifiedOn: string;
	unverified?: boolean;
	isDemo?: boolean;
}

const VERIFIED_ON = '2026-11-28';

/** National schemes from the domain facts, and demo institutional scholarships (marked demo). */
export const SCHOLARSHIPS: ScholarshipSeed[] = [
	{
		slug: 'chinese-government-scholarship',
		countryCode: 'CN',
		provider: { en: 'China Scholarship Council (CSC)', ru: 'Китайский стипендиальный совет (CSC)', kk: 'Қытай стипендиялық кеңесі (CSC)', zh: '国家留学基金管理委员会（CSC）' },
		name: { en: 'Chinese Government Scholarship', ru: 'Стипендия правительства КНР', kk: 'ҚХР Үкіметінің стипендиясы', zh: '中国政府奖学金' },
		summary: {
			en: 'Full scholarship for degree studies in China: tuition, accommodation, comprehensive medical insurance and a monthly stipend of RMB 2,500 (bachelor), 3,000 (master) or 3,500 (doctorate).',
			ru: 'Полная стипендия для обучения в Китае: оплата обучения, проживание, медицинская страховка и ежемесячная стипендия 2 500 юаней (бакалавриат), 3 000 (магистратура) или 3 500 (докторантура).',
			kk: 'Қытайда оқуға арналған толық стипендия: оқу ақысы, тұрғын үй, медициналық сақтандыру және ай сайынғы 2 500 юань (бакалавриат), 3 000 (магистратура) немесе 3 500 (докторантура) стипендия.',
			zh: '来华攻读学位的全额奖学金：免学费、免费住宿、综合医疗保险，并按月发放生活费：本科生 2500 元、硕士生 3000 元、博士生 3500 元。'
		},
		levels: ['bachelor', 'master', 'doctoral'],
		excludedNationalities: ['CN'],
		covers: ['tuition', 'stipend', 'housing', 'insurance'],
		stipends: { bachelor: 2500, master: 3000, doctoral: 3500 },
		stipendCurrency: 'CNY',
		url: 'https://www.campuschina.org',
		sourceUrl: 'https://www.campuschina.org',
		verifiedOn: VERIFIED_ON
	},
	{
		slug: 'kazakhstan-government-grant',
		countryCode: 'KZ',
		provider: { en: 'Ministry of Science and Higher Education of Kazakhstan', ru: 'Министерство науки и высшего образования РК', kk: 'ҚР Ғылым және жоғары білім министрлігі', zh: '哈萨克斯坦科学和高等教育部' },
		name: { en: 'Kazakhstan government grant for foreign students', ru: 'Государственный грант Казахстана для иностранных студентов', kk: 'Шетелдік студенттерге арналған Қазақстанның мемлекеттік гранты', zh: '哈萨克斯坦政府外国留学生助学金' },
		summary: {
			en: 'About 550 grants a year (2023) covering tuition and a monthly stipend of KZT 36,600 (bachelor), 86,987 (master) or 195,000 (doctorate).',
			ru: 'Около 550 грантов в год (2023): оплата обучения и ежемесячная стипендия 36 600 тенге (бакалавриат), 86 987 (магистратура) или 195 000 (докторантура).',
			kk: 'Жылына 550-ге жуық грант (2023): оқу ақысы және ай сайынғы 36 600 теңге (бакалавриат), 86 987 (магистратура) немесе 195 000 (докторантура) стипендия.',
			zh: '每年约 550 个名额（2023 年）：免学费，并按月发放助学金：本科 36,600 坚戈、硕士 86,987 坚戈、博士 195,000 坚戈。'
		},
		levels: ['bachelor', 'master', 'doctoral'],
		excludedNationalities: ['KZ'],
		covers: ['tuition', 'stipend'],
		stipends: { bachelor: 36_600, master: 86_987, doctoral: 195_000 },
		stipendCurrency: 'KZT',
		url: 'https://www.gov.kz/memleket/entities/sci',
		sourceUrl: 'https://www.gov.kz/memleket/entities/sci',
		verifiedOn: VERIFIED_ON
	},
	{
		slug: 'shanghai-government-scholarship-tongji',
		countryCode: 'CN',
		institution: 'tongji',
		provider: { en: 'Shanghai Municipal Education Commission, through Tongji University', ru: 'Комиссия по образованию Шанхая через Университет Тунцзи', kk: 'Шанхай білім беру комиссиясы, Тунцзи университеті арқылы', zh: '上海市教育委员会（经由同济大学）' },
		name: { en: 'Shanghai Government Scholarship', ru: 'Стипендия правительства Шанхая', kk: 'Шанхай үкіметінің стипендиясы', zh: '上海市政府奖学金' },
		summary: { en: 'For international master and doctoral students at Tongji: tuition, accommodation and insurance. (Demo content.)', ru: 'Для иностранных магистрантов и докторантов Тунцзи: обучение, проживание и страховка. (Демонстрационные данные.)', kk: 'Тунцзидегі шетелдік магистранттар мен докторанттарға: оқу ақысы, тұрғын үй және сақтандыру. (Демо мазмұн.)', zh: '面向同济大学国际硕士和博士研究生：学费、住宿及保险。（演示内容）' },
		levels: ['master', 'doctoral'],
		excludedNationalities: ['CN'],
		covers: ['tuition', 'housing', 'insurance'],
		applicationDeadline: '2027-03-31',
		sourceUrl: 'https://www.tongji.edu.cn',
		verifiedOn: VERIFIED_ON,
		unverified: true,
		isDemo: true
	},
	{
		slug: 'narxoz-international-excellence',
		countryCode: 'KZ',
		institution: 'narxoz',
		provider: { en: 'Narxoz University', ru: 'Университет Нархоз', kk: 'Нархоз университеті', zh: '纳尔霍兹大学' },
		name: { en: 'International Excellence Scholarship', ru: 'Стипендия International Excellence', kk: 'International Excellence стипендиясы', zh: '国际卓越奖学金' },
		summary: { en: 'Half of the tuition for international bachelor and master students with excellent grades. (Demo content.)', ru: 'Половина стоимости обучения для иностранных студентов бакалавриата и магистратуры с отличными оценками. (Демонстрационные данные.)', kk: 'Үздік бағалары бар шетелдік бакалавриат пен магистратура студенттеріне оқу ақысының жартысы. (Демо мазмұн.)', zh: '为成绩优异的国际本科生和硕士生减免一半学费。（演示内容）' },
		levels: ['bachelor', 'master'],
		fields: ['03', '04'],
		excludedNationalities: ['KZ'],
		covers: ['tuition'],
		applicationDeadline: '2027-07-15',
		sourceUrl: 'https://narxoz.edu.kz',
		verifiedOn: VERIFIED_ON,
		isDemo: true
	},
	{
		slug: 'enu-exchange-housing-grant',
		countryCode: 'KZ',
		institution: 'enu',
		provider: { en: 'L.N. Gumilyov Eurasian National University', ru: 'ЕНУ им. Л.Н. Гумилёва', kk: 'Л.Н. Гумилев атындағы ЕҰУ', zh: '古米廖夫欧亚国立大学' },
		name: { en: 'Housing grant for exchange students', ru: 'Грант на проживание для студентов по обмену', kk: 'Алмасу студенттеріне тұрғын үй гранты', zh: '交换生住宿资助' },
		summary: { en: 'A free place in a university dormitory for exchange students from partner universities. (Demo content.)', ru: 'Бесплатное место в общежитии для студентов по обмену из вузов-партнёров. (Демонстрационные данные.)', kk: 'Серіктес университеттерден келген алмасу студенттеріне жатақханадан тегін орын. (Демо мазмұн.)', zh: '为合作院校交换生提供免费宿舍床位。（演示内容）' },
		levels: ['exchange'],
		covers: ['housing'],
		sourceUrl: 'https://enu.kz',
		verifiedOn: VERIFIED_ON,
		isDemo: true
	},
	{
		slug: 'erasmus-plus-credit-mobility-upc',
		countryCode: 'ES',
		institution: 'upc',
		provider: { en: 'Erasmus+ programme of the European Union, through UPC', ru: 'Программа Erasmus+ Европейского союза через UPC', kk: 'Еуропалық Одақтың Erasmus+ бағдарламасы, UPC арқылы', zh: '欧盟伊拉斯谟+项目（经由加泰罗尼亚理工大学）' },
		name: { en: 'Erasmus+ international credit mobility', ru: 'Международная кредитная мобильность Erasmus+', kk: 'Erasmus+ халықаралық кредиттік ұтқырлығы', zh: '伊拉斯谟+国际学分流动项目' },
		summary: { en: 'Monthly grant and travel support for exchange students from partner universities in Kazakhstan and China. (Demo content.)', ru: 'Ежемесячный грант и оплата дороги для студентов по обмену из вузов-партнёров в Казахстане и Китае. (Демонстрационные данные.)', kk: 'Қазақстан мен Қытайдағы серіктес университеттердің алмасу студенттеріне ай сайынғы грант және жол шығыны. (Демо мазмұн.)', zh: '为哈萨克斯坦和中国合作院校的交换生提供每月补助和差旅资助。（演示内容）' },
		levels: ['exchange'],
		eligibleNationalities: ['KZ', 'CN'],
		covers: ['stipend', 'travel'],
		stipends: { exchange: 900 },
		stipendCurrency: 'EUR',
		applicationDeadline: '2027-04-15',
		url: 'https://erasmus-plus.ec.europa.eu',
		sourceUrl: 'https://erasmus-plus.ec.europa.eu',
		verifiedOn: VERIFIED_ON,
		unverified: true,
		isDemo: true
	}
];
