import type { LocalizedText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import type { InstitutionRole, PlatformRole } from '../access/policy';

/** The twelve WELCOME consortium institutions (docs: shared/mission/domain-facts.md). */
export interface DemoInstitution {
	slug: string;
	shortName: string;
	/** The short name in other scripts, where it is written otherwise. */
	shortNames?: LocalizedText;
	countryCode: string;
	name: LocalizedText;
	city: LocalizedText;
	description: LocalizedText;
	defaultLocale: Locale;
	locales: Locale[];
	website: string;
	/** SCHAC code (EWP hei-id). */
	heiId: string;
	/** Erasmus code, for institutions with an Erasmus Charter. */
	erasmusCode?: string;
}

const ASTANA = { en: 'Astana', ru: 'Астана', kk: 'Астана', zh: '阿斯塔纳' };

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
	{
		slug: 'upc', heiId: 'upc.edu', erasmusCode: 'E  BARCELO03', shortName: 'UPC', countryCode: 'ES', defaultLocale: 'en', locales: ['en'],
		website: 'https://www.upc.edu',
		name: { en: 'Universitat Politècnica de Catalunya', ru: 'Политехнический университет Каталонии', kk: 'Каталония политехникалық университеті', zh: '加泰罗尼亚理工大学' },
		city: { en: 'Barcelona', ru: 'Барселона', kk: 'Барселона', zh: '巴塞罗那' },
		description: { en: 'Coordinator of the WELCOME consortium. A public technical university with campuses across Catalonia. (Demo content.)' }
	},
	{
		slug: 'kth', heiId: 'kth.se', erasmusCode: 'S  STOCKHO04', shortName: 'KTH', countryCode: 'SE', defaultLocale: 'en', locales: ['en'],
		website: 'https://www.kth.se',
		name: { en: 'KTH Royal Institute of Technology', ru: 'Королевский технологический институт KTH', kk: 'KTH Корольдік технологиялық институты', zh: '瑞典皇家理工学院' },
		city: { en: 'Stockholm', ru: 'Стокгольм', kk: 'Стокгольм', zh: '斯德哥尔摩' },
		description: { en: 'Sweden’s largest technical university, known for its relocation and student service offices. (Demo content.)' }
	},
	{
		slug: 'taltech', heiId: 'taltech.ee', erasmusCode: 'EE TALLINN04', shortName: 'TalTech', countryCode: 'EE', defaultLocale: 'en', locales: ['en'],
		website: 'https://taltech.ee',
		name: { en: 'Tallinn University of Technology', ru: 'Таллинский технический университет', kk: 'Таллин технологиялық университеті', zh: '塔林理工大学' },
		city: { en: 'Tallinn', ru: 'Таллин', kk: 'Таллин', zh: '塔林' },
		description: { en: 'Estonia’s technical university, partner for training on marketing and cultural challenges. (Demo content.)' }
	},
	{
		slug: 'ist', heiId: 'tecnico.ulisboa.pt', erasmusCode: 'P  LISBOA109', shortName: 'IST', countryCode: 'PT', defaultLocale: 'en', locales: ['en'],
		website: 'https://tecnico.ulisboa.pt',
		name: { en: 'Instituto Superior Técnico, Universidade de Lisboa', ru: 'Высший технический институт Лиссабонского университета', kk: 'Лиссабон университетінің Жоғары техникалық институты', zh: '里斯本大学高等理工学院' },
		city: { en: 'Lisbon', ru: 'Лиссабон', kk: 'Лиссабон', zh: '里斯本' },
		description: { en: 'Host of the 2017 study tour on internationalisation practice and policy; leads quality evaluation. (Demo content.)' }
	},
	{
		slug: 'urv', heiId: 'urv.cat', erasmusCode: 'E  TARRAGO01', shortName: 'URV', countryCode: 'ES', defaultLocale: 'en', locales: ['en'],
		website: 'https://www.urv.cat',
		name: { en: 'Universitat Rovira i Virgili', ru: 'Университет Ровира-и-Вирхили', kk: 'Ровира и Вирхили университеті', zh: '罗维拉-威尔吉利大学' },
		city: { en: 'Tarragona', ru: 'Таррагона', kk: 'Таррагона', zh: '塔拉戈纳' },
		description: { en: 'Co-leads the strategic and marketing plans for internationalisation. (Demo content.)' }
	},
	{
		slug: 'upvd', heiId: 'univ-perp.fr', erasmusCode: 'F  PERPIGN01', shortName: 'UPVD', countryCode: 'FR', defaultLocale: 'en', locales: ['en'],
		website: 'https://www.univ-perp.fr',
		name: { en: 'Université de Perpignan Via Domitia', ru: 'Университет Перпиньяна Виа Домиция', kk: 'Перпиньян Виа Домиция университеті', zh: '佩皮尼昂大学' },
		city: { en: 'Perpignan', ru: 'Перпиньян', kk: 'Перпиньян', zh: '佩皮尼昂' },
		description: { en: 'Host of the 2019 training on the implementation of credit mobility. (Demo content.)' }
	},
	{
		slug: 'buaa', heiId: 'buaa.edu.cn', shortName: 'BUAA', shortNames: { zh: '北航', ru: 'Бэйхан', kk: 'Бэйхан' }, countryCode: 'CN', defaultLocale: 'zh', locales: ['zh', 'en'],
		website: 'https://www.buaa.edu.cn',
		name: { en: 'Beihang University', ru: 'Бэйханский университет', kk: 'Бэйхан университеті', zh: '北京航空航天大学' },
		city: { en: 'Beijing', ru: 'Пекин', kk: 'Бейжің', zh: '北京' },
		description: {
			en: 'A research university in aeronautics and engineering; host of the 2019 conference on internationalization strategies. (Demo content.)',
			zh: '以航空航天与工程见长的研究型大学，2019年国际化战略会议主办方。（演示内容）'
		}
	},
	{
		slug: 'tongji', heiId: 'tongji.edu.cn', shortName: 'Tongji', shortNames: { zh: '同济', ru: 'Тунцзи', kk: 'Тунцзи' }, countryCode: 'CN', defaultLocale: 'zh', locales: ['zh', 'en'],
		website: 'https://www.tongji.edu.cn',
		name: { en: 'Tongji University', ru: 'Университет Тунцзи', kk: 'Тунцзи университеті', zh: '同济大学' },
		city: { en: 'Shanghai', ru: 'Шанхай', kk: 'Шанхай', zh: '上海' },
		description: {
			en: 'A comprehensive university in Shanghai; host of the 2017 conference on internationalisation of higher education. (Demo content.)',
			zh: '位于上海的综合性大学，2017年高等教育国际化会议主办方。（演示内容）'
		}
	},
	{
		slug: 'enu', heiId: 'enu.kz', shortName: 'ENU', shortNames: { ru: 'ЕНУ', kk: 'ЕҰУ', zh: '欧亚大学' }, countryCode: 'KZ', defaultLocale: 'kk', locales: ['kk', 'ru', 'en'],
		website: 'https://enu.kz',
		name: { en: 'L.N. Gumilyov Eurasian National University', ru: 'Евразийский национальный университет имени Л.Н. Гумилёва', kk: 'Л.Н. Гумилев атындағы Еуразия ұлттық университеті', zh: '古米廖夫欧亚国立大学' },
		city: ASTANA,
		description: {
			en: 'A national university in the capital; leads the service-oriented international relations centres work package. (Demo content.)',
			ru: 'Национальный университет в столице; руководит пакетом работ по сервисным центрам международных связей. (Демонстрационные данные.)',
			kk: 'Елордадағы ұлттық университет; халықаралық байланыстардың сервистік орталықтары жұмыс пакетін басқарады. (Демо мазмұн.)'
		}
	},
	{
		slug: 'narxoz', heiId: 'narxoz.kz', shortName: 'Narxoz', shortNames: { ru: 'Нархоз', kk: 'Нархоз', zh: '纳尔霍兹' }, countryCode: 'KZ', defaultLocale: 'ru', locales: ['ru', 'kk', 'en'],
		website: 'https://narxoz.edu.kz',
		name: { en: 'Narxoz University', ru: 'Университет Нархоз', kk: 'Нархоз университеті', zh: '纳尔霍兹大学' },
		city: { en: 'Almaty', ru: 'Алматы', kk: 'Алматы', zh: '阿拉木图' },
		description: {
			en: 'A university of economics and business in Almaty with its own Welcome Center. (Demo content.)',
			ru: 'Университет экономики и бизнеса в Алматы со своим Welcome Center. (Демонстрационные данные.)'
		}
	},
	{
		slug: 'kmu', heiId: 'qmu.edu.kz', shortName: 'KMU', shortNames: { ru: 'КМУ', kk: 'ҚМУ' }, countryCode: 'KZ', defaultLocale: 'ru', locales: ['ru', 'kk', 'en'],
		website: 'https://www.qmu.edu.kz',
		name: { en: 'Karaganda Medical University', ru: 'Медицинский университет Караганды', kk: 'Қарағанды медицина университеті', zh: '卡拉干达医科大学' },
		city: { en: 'Karaganda', ru: 'Караганда', kk: 'Қарағанды', zh: '卡拉干达' },
		description: {
			en: 'Formerly Karaganda State Medical University; leads dissemination. (Demo content.)',
			ru: 'Ранее Карагандинский государственный медицинский университет; руководит распространением результатов. (Демонстрационные данные.)'
		}
	},
	{
		slug: 'kazuefit', heiId: 'kuef.kz', shortName: 'KAZUEFIT', shortNames: { ru: 'КазУЭФМТ' }, countryCode: 'KZ', defaultLocale: 'ru', locales: ['ru', 'kk', 'en'],
		website: 'https://kuef.kz',
		name: { en: 'Kazakh University of Economics, Finance and International Trade', ru: 'Казахский университет экономики, финансов и международной торговли', kk: 'Қазақ экономика, қаржы және халықаралық сауда университеті', zh: '哈萨克经济、金融与国际贸易大学' },
		city: ASTANA,
		description: {
			en: 'A university of economics in Astana; co-leads the benchmarking of internationalisation. (Demo content.)',
			ru: 'Экономический университет в Астане; соруководитель бенчмаркинга интернационализации. (Демонстрационные данные.)'
		}
	}
];

/** One demo account per role. The password is printed in README.md; the accounts are marked demo. */
export const DEMO_PASSWORD = 'welcome-demo-2026';

export interface DemoAccount {
	email: string;
	name: string;
	locale: Locale;
	platformRole?: PlatformRole;
	personKind?: 'student' | 'staff' | 'researcher';
	membership?: { institution: string; role: InstitutionRole };
}

/** Names are roles (never real people), written in the language each account uses. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ email: 'admin@demo.welcome.test', name: 'Platform administrator (demo)', locale: 'en', platformRole: 'platform_admin' },
	{ email: 'coordinator@demo.welcome.test', name: 'Consortium coordinator, UPC (demo)', locale: 'en', platformRole: 'consortium_member' },
	{ email: 'countries@demo.welcome.test', name: 'Редактор страновых справочников (демо)', locale: 'ru', platformRole: 'country_editor' },
	{ email: 'enu.admin@demo.welcome.test', name: 'Директор департамента международного сотрудничества, ЕНУ (демо)', locale: 'ru', membership: { institution: 'enu', role: 'institution_admin' } },
	{ email: 'enu.staff@demo.welcome.test', name: 'Специалист центра приёма, ЕНУ (демо)', locale: 'ru', membership: { institution: 'enu', role: 'staff' } },
	{ email: 'enu.editor@demo.welcome.test', name: 'Веб-редактор, ЕҰУ (демо)', locale: 'kk', membership: { institution: 'enu', role: 'editor' } },
	{ email: 'enu.translator@demo.welcome.test', name: 'Аудармашы, ЕҰУ (демо)', locale: 'kk', membership: { institution: 'enu', role: 'translator' } },
	{ email: 'tongji.admin@demo.welcome.test', name: '同济大学国际交流处处长（演示）', locale: 'zh', membership: { institution: 'tongji', role: 'institution_admin' } },
	{ email: 'tongji.staff@demo.welcome.test', name: '同济大学留学生办公室（演示）', locale: 'zh', membership: { institution: 'tongji', role: 'staff' } },
	{ email: 'student@demo.welcome.test', name: 'Incoming student (demo)', locale: 'en', personKind: 'student' }
];
