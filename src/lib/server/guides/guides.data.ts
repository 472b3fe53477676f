import type { LocalizedText } from '$lib/i18n/localized-text';

/**
 * Country facts for the guides, from shared/mission/domain-facts.md and the official sources
 * named per item. Facts marked `unverified` are shown as "check with the institution".
 * Rules change: these are data (editable later in the workspace), never code paths.
 */
const VERIFIED_ON = '2026-11-28';

export interface GuideSeed {
	countryCode: string;
	depth: 'full' | 'brief';
	currency: string;
	timeZone: string;
	summary: LocalizedText;
	creditSystem: LocalizedText;
	gradeScale: LocalizedText;
	academicCalendar: LocalizedText;
	insurance: LocalizedText;
	officialLinks: { label: LocalizedText; url: string }[];
	sourceUrl: string;
	verifiedOn: string;
	unverified?: boolean;
}

export const GUIDES: GuideSeed[] = [
	{
		countryCode: 'KZ',
		depth: 'full',
		currency: 'KZT',
		timeZone: 'Asia/Almaty',
		summary: {
			en: 'Kazakhstan aims to welcome several times more international students by 2029. Universities teach in Kazakh, Russian and, increasingly, English.',
			ru: 'Казахстан стремится к 2029 году принимать в несколько раз больше иностранных студентов. Университеты ведут обучение на казахском, русском и всё чаще на английском языке.',
			kk: 'Қазақстан 2029 жылға қарай шетелдік студенттерді бірнеше есе көп қабылдауды көздейді. Университеттерде оқыту қазақ, орыс және барған сайын жиі ағылшын тілінде жүргізіледі.',
			zh: '哈萨克斯坦计划到 2029 年将国际学生人数提高数倍。大学以哈萨克语、俄语授课，英语授课也日益增多。'
		},
		creditSystem: {
			en: '1 academic credit = 30 hours of study, about 1 ECTS credit. Bachelor 240 credits, master 60–120, doctorate 180.',
			ru: '1 академический кредит = 30 часов учебной работы, примерно 1 кредит ECTS. Бакалавриат — 240 кредитов, магистратура — 60–120, докторантура — 180.',
			kk: '1 академиялық кредит = 30 сағат оқу жұмысы, шамамен 1 ECTS кредиті. Бакалавриат — 240 кредит, магистратура — 60–120, докторантура — 180.',
			zh: '1 个学分 = 30 学时，约合 1 个 ECTS 学分。学士 240 学分，硕士 60–120 学分，博士 180 学分。'
		},
		gradeScale: {
			en: 'Letter grades A to F with a 4.0 GPA: A (95–100) = 4.0 … D (50–54) = 1.0; F below 50 fails.',
			ru: 'Буквенные оценки от A до F и GPA по шкале 4.0: A (95–100) = 4.0 … D (50–54) = 1.0; F (ниже 50) — неудовлетворительно.',
			kk: 'A-дан F-ке дейінгі әріптік бағалар және 4.0 шкаласы бойынша GPA: A (95–100) = 4.0 … D (50–54) = 1.0; F (50-ден төмен) — қанағаттанарлықсыз.',
			zh: '采用 A 至 F 字母等级和 4.0 制 GPA：A（95–100）= 4.0 … D（50–54）= 1.0；低于 50 分为 F，不及格。'
		},
		academicCalendar: {
			en: 'The academic year starts on 1 September; semesters have 15 weeks of teaching plus examination weeks.',
			ru: 'Учебный год начинается 1 сентября; семестр включает 15 недель занятий и экзаменационные недели.',
			kk: 'Оқу жылы 1 қыркүйекте басталады; семестр 15 оқу аптасынан және емтихан апталарынан тұрады.',
			zh: '学年于 9 月 1 日开始；每学期有 15 周教学，另加考试周。'
		},
		insurance: {
			en: 'Health insurance is required for the whole stay; dormitories also ask for a medical certificate (form 086-U or 075-U, fluorography, HIV test).',
			ru: 'Медицинская страховка обязательна на весь период пребывания; для заселения в общежитие также требуется медицинская справка (форма 086-U или 075-U, флюорография, анализ на ВИЧ).',
			kk: 'Медициналық сақтандыру бүкіл болу мерзіміне міндетті; жатақханаға орналасу үшін медициналық анықтама да сұралады (086-U немесе 075-U нысаны, флюорография, АИТВ-ға талдау).',
			zh: '整个停留期间必须购买医疗保险；入住宿舍还须提供医疗证明（086-U 或 075-U 表、肺部 X 光检查、艾滋病病毒检测）。'
		},
		officialLinks: [
			{
				label: {
					en: 'Electronic government: migration services',
					ru: 'Электронное правительство: миграционные услуги',
					kk: 'Электрондық үкімет: көші-қон қызметтері',
					zh: '电子政务门户：移民服务'
				},
				url: 'https://egov.kz'
			},
			{
				label: {
					en: 'ENIC-Kazakhstan: recognition of education',
					ru: 'ENIC-Kazakhstan: признание образования',
					kk: 'ENIC-Kazakhstan: білімді тану',
					zh: 'ENIC-Kazakhstan：学历认证'
				},
				url: 'https://enic-kazakhstan.edu.kz'
			}
		],
		sourceUrl: 'https://www.gov.kz',
		verifiedOn: VERIFIED_ON
	},
	{
		countryCode: 'CN',
		depth: 'full',
		currency: 'CNY',
		timeZone: 'Asia/Shanghai',
		summary: {
			en: 'China hosts international students at hundreds of universities, with programmes in Chinese and in English and a national scholarship (CSC).',
			ru: 'Китай принимает иностранных студентов в сотнях университетов: есть программы на китайском и английском языках и государственная стипендия (CSC).',
			kk: 'Қытай шетелдік студенттерді жүздеген университетте қабылдайды: қытай және ағылшын тілдеріндегі бағдарламалар мен мемлекеттік стипендия (CSC) бар.',
			zh: '中国有数百所大学接收国际学生，提供中文和英文授课项目，并设有国家奖学金（国家留学基金委 (CSC)）。'
		},
		creditSystem: {
			en: 'No national standard: one credit is usually 14–24 contact hours, depending on the university.',
			ru: 'Единого национального стандарта нет: один кредит обычно равен 14–24 аудиторным часам в зависимости от университета.',
			kk: 'Бірыңғай ұлттық стандарт жоқ: бір кредит университетке байланысты әдетте 14–24 аудиториялық сағатқа тең.',
			zh: '没有全国统一标准：1 个学分通常为 14–24 个课堂学时，视大学而定。'
		},
		gradeScale: {
			en: 'A 100-point scale; 60 is the pass mark.',
			ru: 'Стобалльная шкала; проходной балл — 60.',
			kk: '100 балдық шкала; өту балы — 60.',
			zh: '百分制；60 分及格。'
		},
		academicCalendar: {
			en: 'Autumn semester September–January, spring semester February/March–July.',
			ru: 'Осенний семестр — сентябрь–январь, весенний семестр — февраль/март–июль.',
			kk: 'Күзгі семестр — қыркүйек–қаңтар, көктемгі семестр — ақпан/наурыз–шілде.',
			zh: '秋季学期为 9 月至次年 1 月，春季学期为 2 月/3 月至 7 月。'
		},
		insurance: {
			en: 'Comprehensive insurance is compulsory for international students, typically about RMB 800 a year.',
			ru: 'Для иностранных студентов обязательна комплексная страховка, обычно около RMB 800 в год.',
			kk: 'Шетелдік студенттер үшін кешенді сақтандыру міндетті, әдетте жылына шамамен RMB 800.',
			zh: '国际学生必须购买综合保险，通常每年约 RMB 800。'
		},
		officialLinks: [
			{
				label: {
					en: 'National Immigration Administration',
					ru: 'Национальное управление по делам иммиграции КНР',
					kk: 'ҚХР Ұлттық иммиграция әкімшілігі',
					zh: '国家移民管理局'
				},
				url: 'https://www.nia.gov.cn'
			},
			{
				label: {
					en: 'Study in China (CSC scholarships)',
					ru: 'Учёба в Китае (стипендии CSC)',
					kk: 'Қытайда оқу (CSC стипендиялары)',
					zh: '留学中国（国家留学基金委 (CSC) 奖学金）'
				},
				url: 'https://www.campuschina.org'
			}
		],
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: VERIFIED_ON
	},
	...(
		[
			['ES', 'EUR', 'Europe/Madrid', { en: 'Spain', ru: 'Испания', kk: 'Испания', zh: '西班牙' }],
			['SE', 'SEK', 'Europe/Stockholm', { en: 'Sweden', ru: 'Швеция', kk: 'Швеция', zh: '瑞典' }],
			['EE', 'EUR', 'Europe/Tallinn', { en: 'Estonia', ru: 'Эстония', kk: 'Эстония', zh: '爱沙尼亚' }],
			['PT', 'EUR', 'Europe/Lisbon', { en: 'Portugal', ru: 'Португалия', kk: 'Португалия', zh: '葡萄牙' }],
			['FR', 'EUR', 'Europe/Paris', { en: 'France', ru: 'Франция', kk: 'Франция', zh: '法国' }]
		] as const
	).map(
		([countryCode, currency, timeZone, country]): GuideSeed => ({
			countryCode,
			depth: 'brief',
			currency,
			timeZone,
			summary: {
				en: `${country.en} is a WELCOME partner country in the European Union. Visa and residence rules follow national law for stays over 90 days; ask the host university's international office.`,
				ru: `${country.ru} — страна-партнёр WELCOME в Европейском союзе. Правила получения визы и вида на жительство для пребывания более 90 дней определяются национальным законодательством; обратитесь в международный отдел принимающего университета.`,
				kk: `${country.kk} — Еуропалық Одақтағы WELCOME серіктес елі. 90 күннен асатын болу үшін виза және тұруға рұқсат алу ережелері ұлттық заңнамамен айқындалады; қабылдаушы университеттің халықаралық бөліміне хабарласыңыз.`,
				zh: `${country.zh}是 WELCOME 在欧盟的合作国家。停留超过 90 天的签证和居留规定以该国法律为准；请咨询接收大学的国际处。`
			},
			creditSystem: {
				en: 'ECTS: 60 credits a year, one credit is 25–30 hours of study.',
				ru: 'ECTS: 60 кредитов в год, один кредит — 25–30 часов учебной работы.',
				kk: 'ECTS: жылына 60 кредит, бір кредит — 25–30 сағат оқу жұмысы.',
				zh: 'ECTS：每年 60 学分，1 学分为 25–30 学时。'
			},
			gradeScale: {
				en: 'National scale, converted through the ECTS grading table of the university.',
				ru: 'Национальная шкала; оценки пересчитываются по таблице оценок ECTS университета.',
				kk: 'Ұлттық шкала; бағалар университеттің ECTS бағалау кестесі бойынша қайта есептеледі.',
				zh: '采用本国评分制，按大学的 ECTS 成绩换算表换算。'
			},
			academicCalendar: {
				en: 'Autumn semester September–January, spring semester February–June.',
				ru: 'Осенний семестр — сентябрь–январь, весенний семестр — февраль–июнь.',
				kk: 'Күзгі семестр — қыркүйек–қаңтар, көктемгі семестр — ақпан–маусым.',
				zh: '秋季学期为 9 月至次年 1 月，春季学期为 2 月至 6 月。'
			},
			insurance: {
				en: 'EU citizens use the European Health Insurance Card; others need private or national insurance.',
				ru: 'Граждане ЕС пользуются Европейской картой медицинского страхования; остальным нужна частная или государственная страховка.',
				kk: 'ЕО азаматтары Еуропалық медициналық сақтандыру картасын пайдаланады; басқаларға жеке немесе мемлекеттік сақтандыру қажет.',
				zh: '欧盟公民使用欧洲健康保险卡；其他人需购买私人保险或参加国家保险。'
			},
			officialLinks: [
				{
					label: {
						en: 'EU Immigration Portal',
						ru: 'Иммиграционный портал ЕС',
						kk: 'ЕО иммиграция порталы',
						zh: '欧盟移民门户网站'
					},
					url: 'https://home-affairs.ec.europa.eu/policies/migration-and-asylum/eu-immigration-portal_en'
				}
			],
			sourceUrl: 'https://home-affairs.ec.europa.eu/policies/migration-and-asylum/eu-immigration-portal_en',
			verifiedOn: VERIFIED_ON
		})
	)
];
