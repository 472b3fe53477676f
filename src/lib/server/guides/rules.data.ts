import type { LocalizedText } from '$lib/i18n/localized-text';
import type { StayPurpose } from '$lib/welcome/stay-purpose';

/**
 * Who needs which visa, and the steps after arrival with their deadlines, per country, from
 * shared/mission/domain-facts.md and the official sources named per item. Facts marked
 * `unverified` are shown as "check with the institution".
 */
const VERIFIED_ON = '2026-11-28';
/**
 * The day the routes for every purpose of stay (issue 11) were written down. Most of them could
 * not be checked against the official page when they were added: those say `unverified`.
 */
const ADDED_ON = '2026-12-02';

export interface VisaRouteSeed {
	countryCode: string;
	code: string;
	name: LocalizedText;
	description: LocalizedText;
	minStayDays?: number;
	maxStayDays?: number;
	nationalities?: string[];
	excludedNationalities?: string[];
	/** Purposes of stay the route is for; absent: any purpose. */
	purposes?: StayPurpose[];
	visaFree?: boolean;
	documents: LocalizedText[];
	feeAmount?: number;
	feeCurrency?: string;
	processingDaysMin?: number;
	processingDaysMax?: number;
	sortOrder: number;
	sourceUrl: string;
	verifiedOn: string;
	unverified?: boolean;
}

export interface ArrivalRuleSeed {
	countryCode: string;
	code: string;
	title: LocalizedText;
	description: LocalizedText;
	offset: number;
	unit: 'hours' | 'calendar_days' | 'working_days';
	responsible: 'self' | 'host';
	/** What the offset counts from (planner.ts, RULE_ANCHORS); absent: after arrival. */
	anchor?: 'arrival' | 'before_arrival' | 'before_anniversary';
	minStayDays?: number;
	maxStayDays?: number;
	visaRoutes?: string[];
	/** Purposes of stay the step is for; absent: any purpose. */
	purposes?: StayPurpose[];
	housing?: 'off_campus' | 'on_campus';
	sortOrder: number;
	sourceUrl: string;
	verifiedOn: string;
	unverified?: boolean;
}


/** Nationalities that enter Kazakhstan without a student visa (domain facts; others unverified). */
const KZ_VISA_FREE = ['RU', 'KG', 'UZ', 'TJ', 'BY', 'AM'];

/** Nationalities that visit Kazakhstan without a visa for up to 30 days (unverified: the list changes). */
const KZ_VISA_FREE_30 = [
	...['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'],
	...['AE', 'AU', 'CA', 'CH', 'GB', 'IS', 'JP', 'KR', 'LI', 'MC', 'MY', 'NO', 'NZ', 'SG', 'TR', 'US']
];

const DOC_INSURANCE: LocalizedText = { en: 'Health insurance for the stay', ru: 'Медицинская страховка на период пребывания', kk: 'Болу мерзіміне медициналық сақтандыру', zh: '停留期间的医疗保险' };
const DOC_FORM_PHOTO: LocalizedText = { en: 'Visa application form and photo', ru: 'Визовая анкета и фотография', kk: 'Визалық өтініш нысаны және фотосурет', zh: '签证申请表和照片' };
const DOC_PASSPORT_6_MONTHS: LocalizedText = {
	en: 'Passport valid at least 6 months beyond the stay',
	ru: 'Паспорт, действительный не менее 6 месяцев после окончания пребывания',
	kk: 'Болу мерзімі аяқталғаннан кейін кемінде 6 ай жарамды паспорт',
	zh: '护照有效期须超出停留期至少 6 个月'
};
const DOC_CN_PASSPORT: LocalizedText = {
	en: 'Passport valid at least 6 months beyond the stay, with blank pages',
	ru: 'Паспорт, действительный не менее 6 месяцев после окончания пребывания, с чистыми страницами',
	kk: 'Болу мерзімі аяқталғаннан кейін кемінде 6 ай жарамды, бос беттері бар паспорт',
	zh: '护照有效期须超出停留期至少 6 个月，并有空白签证页'
};
const DOC_PASSPORT_STAY: LocalizedText = { en: 'Passport valid for the whole stay', ru: 'Паспорт, действительный на весь срок пребывания', kk: 'Бүкіл болу мерзіміне жарамды паспорт', zh: '在整个停留期内有效的护照' };
const DOC_ORDINARY_PASSPORT: LocalizedText = {
	en: 'Ordinary (not service or diplomatic) passport valid for the whole stay',
	ru: 'Общегражданский паспорт, действительный на весь срок пребывания',
	kk: 'Бүкіл болу мерзіміне жарамды жалпы азаматтық паспорт',
	zh: '在整个停留期内有效的普通护照'
};
const DOC_REGISTERED_INVITATION: LocalizedText = {
	en: 'Invitation registered by the host with the migration service',
	ru: 'Приглашение, зарегистрированное принимающей стороной в миграционной службе',
	kk: 'Қабылдаушы тарап көші-қон қызметінде тіркеген шақыру',
	zh: '由接待方在移民服务部门登记的邀请函'
};
const DOC_VISIT_INVITATION: LocalizedText = {
	en: 'Invitation or programme of the visit from the host (border officers may ask for it)',
	ru: 'Приглашение или программа визита от принимающей стороны (пограничники могут попросить его показать)',
	kk: 'Қабылдаушы тараптың шақыруы немесе сапар бағдарламасы (шекарашылар көрсетуді сұрауы мүмкін)',
	zh: '接待方的邀请函或访问日程（边检人员可能要求出示）'
};
const DOC_RETURN_TICKET: LocalizedText = { en: 'Return or onward ticket', ru: 'Обратный билет или билет в третью страну', kk: 'Кері қайту билеті немесе үшінші елге билет', zh: '返程或前往第三国的机票' };

export const VISA_ROUTES: VisaRouteSeed[] = [
	{
		countryCode: 'KZ',
		code: 'visa_free',
		name: { en: 'No visa needed', ru: 'Виза не требуется', kk: 'Виза қажет емес', zh: '免签' },
		description: {
			en: 'Citizens of these countries enter Kazakhstan without a visa, to study, do research, teach or visit. The host university still notifies the migration service after arrival.',
			ru: 'Граждане этих стран въезжают в Казахстан без визы — на учёбу, для научной работы, преподавания или с визитом. После прибытия принимающий университет всё равно уведомляет миграционную службу.',
			kk: 'Бұл елдердің азаматтары Қазақстанға визасыз кіреді — оқуға, ғылыми жұмысқа, сабақ беруге немесе сапармен. Келгеннен кейін қабылдаушы университет бәрібір көші-қон қызметін хабардар етеді.',
			zh: '这些国家的公民无需签证即可入境哈萨克斯坦，可来学习、科研、教学或访问。抵达后，接待大学仍须通知移民服务部门。'
		},
		nationalities: KZ_VISA_FREE,
		visaFree: true,
		documents: [
			{ en: 'Valid passport', ru: 'Действительный паспорт', kk: 'Жарамды паспорт', zh: '有效护照' },
			{
				en: 'Admission letter or invitation from the host university',
				ru: 'Письмо о зачислении или приглашение принимающего университета',
				kk: 'Қабылдаушы университеттің қабылдау туралы хаты немесе шақыруы',
				zh: '接待大学的录取函或邀请函'
			},
			{
				en: 'Health insurance for the stay',
				ru: 'Медицинская страховка на период пребывания',
				kk: 'Болу мерзіміне медициналық сақтандыру',
				zh: '停留期间的医疗保险'
			}
		],
		sortOrder: 1,
		sourceUrl: 'https://www.gov.kz/memleket/entities/mfa',
		verifiedOn: VERIFIED_ON
	},
	{
		countryCode: 'KZ',
		code: 'C9',
		name: { en: 'Student visa (C9)', ru: 'Студенческая виза (C9)', kk: 'Студенттік виза (C9)', zh: '学生签证（C9）' },
		description: {
			en: 'One year, multiple entry, renewed every year. It needs an invitation that the university registers with the migration service first (about 5–15 working days).',
			ru: 'Выдаётся на один год, многократная, продлевается ежегодно. Нужно приглашение, которое университет сначала регистрирует в миграционной службе (около 5–15 рабочих дней).',
			kk: 'Бір жылға беріледі, көп реттік, жыл сайын ұзартылады. Алдымен университет көші-қон қызметінде тіркейтін шақыру қажет (шамамен 5–15 жұмыс күні).',
			zh: '有效期一年，多次入境，每年续签。须先由大学在移民服务部门登记邀请函（约 5–15 个工作日）。'
		},
		excludedNationalities: KZ_VISA_FREE,
		purposes: ['study'],
		documents: [
			{
				en: 'Passport valid at least 6 months beyond the stay',
				ru: 'Паспорт, действительный не менее 6 месяцев после окончания пребывания',
				kk: 'Болу мерзімі аяқталғаннан кейін кемінде 6 ай жарамды паспорт',
				zh: '护照有效期须超出停留期至少 6 个月'
			},
			{
				en: 'Invitation registered by the university with the migration service',
				ru: 'Приглашение, зарегистрированное университетом в миграционной службе',
				kk: 'Университет көші-қон қызметінде тіркеген шақыру',
				zh: '由大学在移民服务部门登记的邀请函'
			},
			{
				en: 'Visa application form and photo',
				ru: 'Визовая анкета и фотография',
				kk: 'Визалық өтініш нысаны және фотосурет',
				zh: '签证申请表和照片'
			},
			{
				en: 'Previous diplomas with a notarised translation into Kazakh or Russian',
				ru: 'Предыдущие дипломы с нотариально заверенным переводом на казахский или русский язык',
				kk: 'Қазақ немесе орыс тіліне нотариалды куәландырылған аудармасы бар бұрынғы дипломдар',
				zh: '此前的学历证书及经公证的哈萨克语或俄语译文'
			},
			{
				en: 'Medical certificate (form 086-U or 075-U), fluorography and HIV test for dormitories',
				ru: 'Медицинская справка (форма 086-U или 075-U), флюорография и анализ на ВИЧ для общежития',
				kk: 'Жатақхана үшін медициналық анықтама (086-U немесе 075-U нысаны), флюорография және АИТВ-ға талдау',
				zh: '入住宿舍所需的医疗证明（086-U 或 075-U 表）、肺部 X 光检查和艾滋病病毒检测'
			},
			{
				en: 'Health insurance for the stay',
				ru: 'Медицинская страховка на период пребывания',
				kk: 'Болу мерзіміне медициналық сақтандыру',
				zh: '停留期间的医疗保险'
			}
		],
		processingDaysMin: 5,
		processingDaysMax: 15,
		sortOrder: 2,
		sourceUrl: 'https://www.gov.kz/memleket/entities/mfa',
		verifiedOn: VERIFIED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'X2',
		name: {
			en: 'Short-term study visa (X2)',
			ru: 'Краткосрочная учебная виза (X2)',
			kk: 'Қысқа мерзімді оқу визасы (X2)',
			zh: '短期学习签证（X2）'
		},
		description: {
			en: 'For study stays of 180 days or less. No residence permit is needed.',
			ru: 'Для учёбы сроком не более 180 дней. Вид на жительство не требуется.',
			kk: 'Ұзақтығы 180 күннен аспайтын оқуға арналған. Тұруға рұқсат қажет емес.',
			zh: '适用于 180 天及以下的学习。无需办理居留许可。'
		},
		maxStayDays: 180,
		purposes: ['study'],
		documents: [
			{
				en: 'Passport valid at least 6 months beyond the stay, with blank pages',
				ru: 'Паспорт, действительный не менее 6 месяцев после окончания пребывания, с чистыми страницами',
				kk: 'Болу мерзімі аяқталғаннан кейін кемінде 6 ай жарамды, бос беттері бар паспорт',
				zh: '护照有效期须超出停留期至少 6 个月，并有空白签证页'
			},
			{
				en: 'Admission notice from the university',
				ru: 'Уведомление о зачислении от университета',
				kk: 'Университеттің қабылдау туралы хабарламасы',
				zh: '大学录取通知书'
			},
			{
				en: 'Visa application form and photo',
				ru: 'Визовая анкета и фотография',
				kk: 'Визалық өтініш нысаны және фотосурет',
				zh: '签证申请表和照片'
			}
		],
		processingDaysMin: 4,
		processingDaysMax: 10,
		sortOrder: 2,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: VERIFIED_ON
	},
	{
		countryCode: 'CN',
		code: 'X1',
		name: {
			en: 'Long-term study visa (X1)',
			ru: 'Долгосрочная учебная виза (X1)',
			kk: 'Ұзақ мерзімді оқу визасы (X1)',
			zh: '长期学习签证（X1）'
		},
		description: {
			en: 'For study stays over 180 days. Valid 30 days after entry: apply for a residence permit within 30 days of arrival.',
			ru: 'Для учёбы сроком более 180 дней. Действует 30 дней после въезда: подайте заявление на вид на жительство в течение 30 дней после прибытия.',
			kk: '180 күннен асатын оқуға арналған. Кіргеннен кейін 30 күн жарамды: келгеннен кейін 30 күн ішінде тұруға рұқсат алуға өтініш беріңіз.',
			zh: '适用于超过 180 天的学习。入境后 30 天内有效：须在抵达后 30 天内申请居留许可。'
		},
		minStayDays: 181,
		purposes: ['study'],
		documents: [
			{
				en: 'Passport valid at least 6 months beyond the stay, with blank pages',
				ru: 'Паспорт, действительный не менее 6 месяцев после окончания пребывания, с чистыми страницами',
				kk: 'Болу мерзімі аяқталғаннан кейін кемінде 6 ай жарамды, бос беттері бар паспорт',
				zh: '护照有效期须超出停留期至少 6 个月，并有空白签证页'
			},
			{
				en: 'Admission notice from the university',
				ru: 'Уведомление о зачислении от университета',
				kk: 'Университеттің қабылдау туралы хабарламасы',
				zh: '大学录取通知书'
			},
			{
				en: 'Form JW201 (government scholarship) or JW202 (self-funded)',
				ru: 'Форма JW201 (государственная стипендия) или JW202 (обучение за свой счёт)',
				kk: 'JW201 нысаны (мемлекеттік стипендия) немесе JW202 (өз қаражаты есебінен оқу)',
				zh: 'JW201 表（政府奖学金生）或 JW202 表（自费生）'
			},
			{
				en: 'Physical examination record for foreigners',
				ru: 'Бланк медицинского обследования иностранца',
				kk: 'Шетелдіктің медициналық тексеру бланкісі',
				zh: '外国人体格检查记录'
			},
			{
				en: 'Visa application form and photo',
				ru: 'Визовая анкета и фотография',
				kk: 'Визалық өтініш нысаны және фотосурет',
				zh: '签证申请表和照片'
			}
		],
		processingDaysMin: 4,
		processingDaysMax: 10,
		sortOrder: 1,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: VERIFIED_ON
	},
	{
		countryCode: 'KZ',
		code: 'visa_exempt_CN',
		name: { en: 'No visa for citizens of China (up to 30 days)', ru: 'Без визы для граждан Китая (до 30 дней)', kk: 'Қытай азаматтарына визасыз (30 күнге дейін)', zh: '中国公民免签（30 天以内）' },
		description: {
			en: 'Under the agreement between Kazakhstan and China on mutual visa exemption (in force since 10 November 2023), citizens of China with an ordinary passport stay up to 30 days per visit and 90 days in any 180 days without a visa, e.g. for a conference or a short research visit. It does not cover study, paid work or other stays that need a permit: for those, and for longer stays, a visa is needed. Ask the host whether your visit is covered.',
			ru: 'По соглашению между Казахстаном и Китаем о взаимном освобождении от виз (действует с 10 ноября 2023 года) граждане Китая с общегражданским паспортом могут находиться без визы до 30 дней за один въезд и не более 90 дней в течение любых 180 дней — например, на конференции или в коротком научном визите. Соглашение не распространяется на учёбу, оплачиваемую работу и другие поездки, требующие разрешения: для них и для более долгого пребывания нужна виза. Уточните у принимающей стороны, подходит ли ваша поездка.',
			kk: 'Қазақстан мен Қытай арасындағы визалық талаптардан өзара босату туралы келісім бойынша (2023 жылғы 10 қарашадан бастап күшінде) жалпы азаматтық паспорты бар Қытай азаматтары визасыз бір сапарда 30 күнге дейін және кез келген 180 күн ішінде 90 күннен аспай бола алады — мысалы, конференцияға немесе қысқа ғылыми сапарға. Келісім оқуға, ақылы жұмысқа және рұқсатты қажет ететін басқа сапарларға қолданылмайды: оларға және ұзағырақ болуға виза қажет. Сапарыңыздың келісімге сәйкес келетінін қабылдаушы тараптан нақтылаңыз.',
			zh: '根据哈萨克斯坦与中国互免签证协定（2023 年 11 月 10 日起生效），持普通护照的中国公民每次入境可免签停留不超过 30 天，任意 180 天内累计不超过 90 天，例如参加会议或短期科研访问。该协定不适用于学习、有偿工作等需经批准的停留；上述情况及更长停留须办理签证。请向接待方确认您的访问是否适用。'
		},
		nationalities: ['CN'],
		maxStayDays: 30,
		purposes: ['research', 'teaching', 'short_visit'],
		visaFree: true,
		documents: [DOC_ORDINARY_PASSPORT, DOC_VISIT_INVITATION, DOC_RETURN_TICKET, DOC_INSURANCE],
		sortOrder: 3,
		sourceUrl: 'https://www.gov.kz/memleket/entities/mfa',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'KZ',
		code: 'visa_free_30',
		name: { en: 'No visa for short visits (up to 30 days)', ru: 'Без визы для коротких поездок (до 30 дней)', kk: 'Қысқа сапарларға визасыз (30 күнге дейін)', zh: '短期访问免签（30 天以内）' },
		description: {
			en: 'Citizens of these countries visit Kazakhstan without a visa for up to 30 days per entry (and at most 90 days in 180): conferences, meetings, short research visits. Study and paid work need a visa. The list changes: check it with the host or the Ministry of Foreign Affairs before you travel.',
			ru: 'Граждане этих стран посещают Казахстан без визы на срок до 30 дней за один въезд (и не более 90 дней в течение 180 дней): конференции, встречи, короткие научные визиты. Для учёбы и оплачиваемой работы нужна виза. Список меняется: перед поездкой уточните его у принимающей стороны или в Министерстве иностранных дел.',
			kk: 'Бұл елдердің азаматтары Қазақстанға визасыз бір кіруде 30 күнге дейін (және 180 күн ішінде 90 күннен аспай) келеді: конференциялар, кездесулер, қысқа ғылыми сапарлар. Оқу және ақылы жұмыс үшін виза қажет. Тізім өзгеріп отырады: сапар алдында оны қабылдаушы тараптан немесе Сыртқы істер министрлігінен нақтылаңыз.',
			zh: '这些国家的公民可免签入境哈萨克斯坦，每次停留不超过 30 天（180 天内累计不超过 90 天），适用于会议、洽谈和短期科研访问。学习和有偿工作须办理签证。名单会有变化：出行前请向接待方或外交部核实。'
		},
		nationalities: KZ_VISA_FREE_30,
		maxStayDays: 30,
		purposes: ['research', 'teaching', 'short_visit'],
		visaFree: true,
		documents: [DOC_PASSPORT_STAY, DOC_VISIT_INVITATION, DOC_INSURANCE],
		sortOrder: 4,
		sourceUrl: 'https://www.gov.kz/memleket/entities/mfa',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'KZ',
		code: 'academic',
		name: { en: 'Visa for research or teaching', ru: 'Виза для научной работы или преподавания', kk: 'Ғылыми жұмысқа немесе сабақ беруге арналған виза', zh: '科研或教学签证' },
		description: {
			en: "For researchers and teaching staff coming to a Kazakh university. The host registers an invitation with the migration service first (about 5–15 working days); then you apply at the consulate. The visa category depends on the activity, and paid employment also needs the employer's permission to hire a foreigner: ask the host which one applies.",
			ru: 'Для научных сотрудников и преподавателей, приезжающих в казахстанский университет. Сначала принимающая сторона регистрирует приглашение в миграционной службе (около 5–15 рабочих дней), затем вы подаёте документы в консульство. Категория визы зависит от вида деятельности, а для работы по найму работодателю нужно также разрешение на привлечение иностранца: уточните у принимающей стороны, какая категория нужна вам.',
			kk: 'Қазақстандық университетке келетін ғылыми қызметкерлер мен оқытушыларға арналған. Алдымен қабылдаушы тарап шақыруды көші-қон қызметінде тіркейді (шамамен 5–15 жұмыс күні), содан кейін сіз консулдыққа құжат тапсырасыз. Виза санаты қызмет түріне байланысты, ал жалдамалы жұмыс үшін жұмыс берушіге шетелдікті тартуға рұқсат та қажет: сізге қай санат керек екенін қабылдаушы тараптан нақтылаңыз.',
			zh: '适用于来哈萨克斯坦大学的科研人员和教学人员。接待方先在移民服务部门登记邀请函（约 5–15 个工作日），然后您向领事馆递交申请。签证类别取决于具体活动；受聘工作还须雇主取得聘用外国人的许可。请向接待方确认适用的类别。'
		},
		excludedNationalities: KZ_VISA_FREE,
		purposes: ['research', 'teaching'],
		documents: [
			DOC_PASSPORT_6_MONTHS,
			DOC_REGISTERED_INVITATION,
			DOC_FORM_PHOTO,
			{
				en: "For employment: the contract or the host's letter on your position and pay",
				ru: 'Для работы по найму: трудовой договор или письмо принимающей стороны о должности и оплате',
				kk: 'Жалдамалы жұмыс үшін: еңбек шарты немесе қабылдаушы тараптың лауазымыңыз бен жалақыңыз туралы хаты',
				zh: '受聘工作的：劳动合同或接待方关于职位和薪酬的证明函'
			},
			DOC_INSURANCE
		],
		processingDaysMin: 5,
		processingDaysMax: 15,
		sortOrder: 5,
		sourceUrl: 'https://www.gov.kz/memleket/entities/mfa',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'KZ',
		code: 'visit',
		name: { en: 'Short-visit visa (meetings, conferences)', ru: 'Виза для краткого визита (встречи, конференции)', kk: 'Қысқа сапарға арналған виза (кездесулер, конференциялар)', zh: '短期访问签证（洽谈、会议）' },
		description: {
			en: "For conferences, meetings and other short visits by citizens who need a visa or stay longer than the visa-free days allow. The host's invitation is usually registered with the migration service first. Ask the host about the category and how long you may stay.",
			ru: 'Для конференций, встреч и других кратких визитов граждан, которым нужна виза или которые остаются дольше безвизового срока. Приглашение принимающей стороны обычно сначала регистрируется в миграционной службе. Категорию визы и допустимый срок пребывания уточните у принимающей стороны.',
			kk: 'Визасы қажет немесе визасыз мерзімнен ұзақ болатын азаматтардың конференцияларға, кездесулерге және басқа қысқа сапарларына арналған. Қабылдаушы тараптың шақыруы әдетте алдымен көші-қон қызметінде тіркеледі. Виза санаты мен рұқсат етілген болу мерзімін қабылдаушы тараптан нақтылаңыз.',
			zh: '适用于需要签证或停留超过免签天数的公民参加会议、洽谈及其他短期访问。接待方的邀请函通常须先在移民服务部门登记。签证类别和可停留时长请向接待方确认。'
		},
		maxStayDays: 90,
		excludedNationalities: KZ_VISA_FREE,
		purposes: ['short_visit'],
		documents: [DOC_PASSPORT_6_MONTHS, DOC_REGISTERED_INVITATION, DOC_FORM_PHOTO, DOC_INSURANCE],
		processingDaysMin: 5,
		processingDaysMax: 15,
		sortOrder: 6,
		sourceUrl: 'https://www.gov.kz/memleket/entities/mfa',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'visa_exempt_KZ',
		name: { en: 'No visa for citizens of Kazakhstan (up to 30 days)', ru: 'Без визы для граждан Казахстана (до 30 дней)', kk: 'Қазақстан азаматтарына визасыз (30 күнге дейін)', zh: '哈萨克斯坦公民免签（30 天以内）' },
		description: {
			en: 'Under the agreement between China and Kazakhstan on mutual visa exemption (in force since 10 November 2023), citizens of Kazakhstan with an ordinary passport stay up to 30 days per visit and 90 days in any 180 days without a visa, e.g. for a conference or a short research visit. It does not cover study, work or other stays that need approval: for those, and for longer stays, a visa is needed. Ask the host whether your visit is covered.',
			ru: 'По соглашению между Китаем и Казахстаном о взаимном освобождении от виз (действует с 10 ноября 2023 года) граждане Казахстана с общегражданским паспортом могут находиться без визы до 30 дней за один въезд и не более 90 дней в течение любых 180 дней — например, на конференции или в коротком научном визите. Соглашение не распространяется на учёбу, работу и другие поездки, требующие разрешения: для них и для более долгого пребывания нужна виза. Уточните у принимающей стороны, подходит ли ваша поездка.',
			kk: 'Қытай мен Қазақстан арасындағы визалық талаптардан өзара босату туралы келісім бойынша (2023 жылғы 10 қарашадан бастап күшінде) жалпы азаматтық паспорты бар Қазақстан азаматтары визасыз бір сапарда 30 күнге дейін және кез келген 180 күн ішінде 90 күннен аспай бола алады — мысалы, конференцияға немесе қысқа ғылыми сапарға. Келісім оқуға, жұмысқа және рұқсатты қажет ететін басқа сапарларға қолданылмайды: оларға және ұзағырақ болуға виза қажет. Сапарыңыздың келісімге сәйкес келетінін қабылдаушы тараптан нақтылаңыз.',
			zh: '根据中国与哈萨克斯坦互免签证协定（2023 年 11 月 10 日起生效），持普通护照的哈萨克斯坦公民每次入境可免签停留不超过 30 天，任意 180 天内累计不超过 90 天，例如参加会议或短期科研访问。该协定不适用于学习、工作等需经批准的停留；上述情况及更长停留须办理签证。请向接待方确认您的访问是否适用。'
		},
		nationalities: ['KZ'],
		maxStayDays: 30,
		purposes: ['research', 'teaching', 'short_visit'],
		visaFree: true,
		documents: [DOC_ORDINARY_PASSPORT, DOC_VISIT_INVITATION, DOC_RETURN_TICKET, DOC_INSURANCE],
		sortOrder: 0,
		sourceUrl: 'https://cs.mfa.gov.cn',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'F',
		name: { en: 'Visit and exchange visa (F)', ru: 'Виза для визитов и обменов (F)', kk: 'Сапарлар мен алмасуларға арналған виза (F)', zh: '访问交流签证（F）' },
		description: {
			en: 'For exchanges, visits and study tours: lectures, short research or teaching stays and conferences of up to 180 days, on an invitation from the Chinese host. Not for employment (Z) or study (X1/X2). No residence permit is needed within the stay the visa allows.',
			ru: 'Для обменов, визитов и ознакомительных поездок: лекций, краткосрочной научной работы или преподавания и конференций сроком до 180 дней по приглашению китайской принимающей стороны. Не для работы по найму (Z) и не для учёбы (X1/X2). В пределах срока, разрешённого визой, вид на жительство не нужен.',
			kk: 'Алмасуларға, сапарларға және танысу сапарларына арналған: қытайлық қабылдаушы тараптың шақыруымен 180 күнге дейінгі дәрістер, қысқа мерзімді ғылыми жұмыс немесе сабақ беру және конференциялар. Жалдамалы жұмысқа (Z) немесе оқуға (X1/X2) арналмаған. Виза рұқсат еткен мерзім ішінде тұруға рұқсат қажет емес.',
			zh: '适用于交流、访问、考察等活动：应中国接待方邀请，进行 180 天以内的讲学、短期科研或教学及参加会议。不适用于受聘工作（Z）或学习（X1/X2）。在签证允许的停留期内无需办理居留许可。'
		},
		maxStayDays: 180,
		purposes: ['research', 'teaching', 'short_visit'],
		documents: [
			DOC_CN_PASSPORT,
			{
				en: 'Invitation letter from the Chinese host (who you are, purpose, dates, places, who pays)',
				ru: 'Письмо-приглашение от китайской принимающей стороны (сведения о вас, цель, даты, места, кто оплачивает расходы)',
				kk: 'Қытайлық қабылдаушы тараптың шақыру хаты (сіз туралы мәліметтер, мақсаты, күндері, орындары, шығындарды кім төлейді)',
				zh: '中国接待方出具的邀请函（含被邀请人信息、事由、日期、地点、费用承担方）'
			},
			DOC_FORM_PHOTO
		],
		processingDaysMin: 4,
		processingDaysMax: 10,
		sortOrder: 3,
		sourceUrl: 'https://www.visaforchina.cn',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'Z',
		name: { en: 'Work visa (Z)', ru: 'Рабочая виза (Z)', kk: 'Жұмыс визасы (Z)', zh: '工作签证（Z）' },
		description: {
			en: "For employment in China, including teaching and research posts at a university (stays over 180 days). The university first obtains the Notification Letter of Foreigner's Work Permit. After entry the university applies for the work permit, and you apply for the residence permit within 30 days.",
			ru: 'Для работы в Китае, в том числе на преподавательских и научных должностях в университете (пребывание более 180 дней). Сначала университет получает уведомление о разрешении на работу иностранца. После въезда университет оформляет разрешение на работу, а вы в течение 30 дней подаёте заявление на вид на жительство.',
			kk: 'Қытайда жұмыс істеуге арналған, соның ішінде университеттегі оқытушылық және ғылыми лауазымдарға (180 күннен асатын болу). Алдымен университет шетелдіктің жұмыс істеуге рұқсаты туралы хабарламаны алады. Кіргеннен кейін университет жұмысқа рұқсатты рәсімдейді, ал сіз 30 күн ішінде тұруға рұқсат алуға өтініш бересіз.',
			zh: '适用于在中国就业，包括在大学担任教学和科研职位（停留超过 180 天）。大学须先取得《外国人工作许可通知》。入境后由大学申请工作许可证，您须在 30 天内申请居留许可。'
		},
		minStayDays: 181,
		purposes: ['research', 'teaching'],
		documents: [
			DOC_CN_PASSPORT,
			{
				en: "Notification Letter of Foreigner's Work Permit (obtained by the university)",
				ru: 'Уведомление о разрешении на работу иностранца (получает университет)',
				kk: 'Шетелдіктің жұмыс істеуге рұқсаты туралы хабарлама (университет алады)',
				zh: '《外国人工作许可通知》（由大学申请）'
			},
			{
				en: 'Degree certificate and criminal record certificate, legalised, for the work permit',
				ru: 'Диплом и справка об отсутствии судимости, легализованные, для разрешения на работу',
				kk: 'Жұмысқа рұқсат алу үшін заңдастырылған диплом және соттылығының жоқтығы туралы анықтама',
				zh: '办理工作许可所需的经认证的学历证书和无犯罪记录证明'
			},
			DOC_FORM_PHOTO
		],
		processingDaysMin: 4,
		processingDaysMax: 10,
		sortOrder: 4,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'R',
		name: { en: 'Talent visa (R)', ru: 'Виза для специалистов высокого уровня (R)', kk: 'Жоғары деңгейлі мамандарға арналған виза (R)', zh: '人才签证（R）' },
		description: {
			en: 'For high-level foreign talent and specialists China urgently needs, confirmed by the Chinese authorities on the host’s application; usually multiple entry with a long validity. Ask the host whether you qualify: otherwise researchers and teaching staff come on an F or Z visa.',
			ru: 'Для иностранных специалистов высокого уровня и остро востребованных в Китае специалистов; статус подтверждают китайские органы по заявке принимающей стороны. Обычно многократная, с длительным сроком действия. Уточните у принимающей стороны, подходите ли вы: иначе научные сотрудники и преподаватели приезжают по визе F или Z.',
			kk: 'Жоғары деңгейлі шетелдік мамандар мен Қытайға аса қажет мамандарға арналған; мәртебені қабылдаушы тараптың өтініші бойынша Қытай органдары растайды. Әдетте көп реттік, ұзақ мерзімге жарамды. Сізге сәйкес келетінін қабылдаушы тараптан нақтылаңыз: әйтпесе ғылыми қызметкерлер мен оқытушылар F немесе Z визасымен келеді.',
			zh: '适用于外国高层次人才和中国急需紧缺的专门人才，由接待方申请、中国主管部门确认；通常为多次入境，有效期较长。请向接待方确认您是否符合条件；否则科研和教学人员持 F 或 Z 签证来华。'
		},
		purposes: ['research', 'teaching'],
		documents: [
			DOC_CN_PASSPORT,
			{
				en: 'Confirmation letter of foreign high-level talent (obtained by the host)',
				ru: 'Подтверждение статуса иностранного специалиста высокого уровня (получает принимающая сторона)',
				kk: 'Жоғары деңгейлі шетелдік маман мәртебесін растайтын хат (қабылдаушы тарап алады)',
				zh: '外国高层次人才确认函（由接待方申请）'
			},
			DOC_FORM_PHOTO
		],
		processingDaysMin: 4,
		processingDaysMax: 10,
		sortOrder: 5,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: ADDED_ON,
		unverified: true
	}
];


export const ARRIVAL_RULES: ArrivalRuleSeed[] = [
	{
		countryCode: 'KZ',
		code: 'migration_notification',
		title: {
			en: 'University notifies the migration service',
			ru: 'Университет уведомляет миграционную службу',
			kk: 'Университет көші-қон қызметін хабардар етеді',
			zh: '大学通知移民服务部门'
		},
		description: {
			en: 'Give the international office your passport and migration card on arrival: the university must notify the migration service online within 3 working days. Stays of 30 days or less are exempt.',
			ru: 'По прибытии передайте в международный отдел паспорт и миграционную карточку: университет обязан онлайн уведомить миграционную службу в течение 3 рабочих дней. При пребывании не более 30 дней уведомление не требуется.',
			kk: 'Келген соң халықаралық бөлімге паспортыңыз бен көші-қон карточкасын тапсырыңыз: университет 3 жұмыс күні ішінде көші-қон қызметін онлайн хабардар етуге міндетті. 30 күннен аспайтын болу кезінде хабарлама қажет емес.',
			zh: '抵达后请将护照和移民卡交给国际处：大学须在 3 个工作日内在线通知移民服务部门。停留 30 天及以下者无需通知。'
		},
		offset: 3,
		unit: 'working_days',
		responsible: 'host',
		minStayDays: 31,
		sortOrder: 1,
		sourceUrl: 'https://egov.kz',
		verifiedOn: VERIFIED_ON
	},
	{
		countryCode: 'KZ',
		code: 'enic_recognition',
		title: {
			en: 'Recognition of your previous education (ENIC-Kazakhstan)',
			ru: 'Признание вашего предыдущего образования (ENIC-Kazakhstan)',
			kk: 'Бұрынғы біліміңізді тану (ENIC-Kazakhstan)',
			zh: '认证您此前的学历（ENIC-Kazakhstan）'
		},
		description: {
			en: 'Degree students have their previous diploma recognised by ENIC-Kazakhstan during the first academic period; the international office helps.',
			ru: 'Студенты, обучающиеся на степень, проходят признание предыдущего диплома в ENIC-Kazakhstan в течение первого академического периода; международный отдел помогает.',
			kk: 'Дәреже алу үшін оқитын студенттер бірінші академиялық кезеңде бұрынғы дипломын ENIC-Kazakhstan арқылы танытады; халықаралық бөлім көмектеседі.',
			zh: '攻读学位的学生须在第一个学期内通过 ENIC-Kazakhstan 认证此前的学历证书；国际处会提供帮助。'
		},
		offset: 120,
		unit: 'calendar_days',
		responsible: 'self',
		minStayDays: 181,
		purposes: ['study'],
		sortOrder: 3,
		sourceUrl: 'https://enic-kazakhstan.edu.kz',
		verifiedOn: VERIFIED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'police_registration',
		title: {
			en: 'Register your address with the local police',
			ru: 'Зарегистрируйте адрес в местной полиции',
			kk: 'Мекенжайыңызды жергілікті полицияда тіркеңіз',
			zh: '到当地派出所办理住宿登记'
		},
		description: {
			en: 'If you live off campus, register your accommodation at the local police station within 24 hours of arrival (on campus, the university does it).',
			ru: 'Если вы живёте вне кампуса, зарегистрируйте место проживания в местном полицейском участке в течение 24 часов после прибытия (при проживании в кампусе это делает университет).',
			kk: 'Кампустан тыс тұрсаңыз, келгеннен кейін 24 сағат ішінде тұрғылықты жеріңізді жергілікті полиция бөлімшесінде тіркеңіз (кампуста тұрсаңыз, мұны университет жасайды).',
			zh: '如在校外居住，须在抵达后 24 小时内到当地派出所办理住宿登记（在校内居住的由大学办理）。'
		},
		offset: 24,
		unit: 'hours',
		responsible: 'self',
		housing: 'off_campus',
		sortOrder: 1,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: VERIFIED_ON
	},
	{
		countryCode: 'CN',
		code: 'health_check',
		title: {
			en: 'Health check at the designated centre',
			ru: 'Медицинское обследование в уполномоченном центре',
			kk: 'Уәкілетті орталықта медициналық тексеру',
			zh: '在指定机构进行体检'
		},
		description: {
			en: 'Holders of an X1, Z or R visa have a health check (or have their home-country examination verified) before applying for the residence permit.',
			ru: 'Владельцы визы X1, Z или R проходят медицинское обследование (или подтверждают результаты обследования, пройденного на родине) перед подачей заявления на вид на жительство.',
			kk: 'X1, Z немесе R визасының иелері тұруға рұқсат алуға өтініш бермес бұрын медициналық тексеруден өтеді (немесе өз елінде өткен тексеру нәтижесін растатады).',
			zh: 'X1、Z 或 R 签证持有人在申请居留许可前须进行体检（或对在本国所做的体检进行验证）。'
		},
		offset: 30,
		unit: 'calendar_days',
		responsible: 'self',
		visaRoutes: ['X1', 'Z', 'R'],
		sortOrder: 2,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: VERIFIED_ON
	},
	{
		countryCode: 'CN',
		code: 'residence_permit',
		title: {
			en: 'Apply for the residence permit',
			ru: 'Подайте заявление на вид на жительство',
			kk: 'Тұруға рұқсат алуға өтініш беріңіз',
			zh: '申请居留许可'
		},
		description: {
			en: 'X1 holders apply at the exit-entry administration within 30 days of arrival, with the health check result, admission notice and JW201/JW202.',
			ru: 'Владельцы визы X1 подают заявление в управление по делам въезда и выезда в течение 30 дней после прибытия, приложив результат медицинского обследования, уведомление о зачислении и JW201/JW202.',
			kk: 'X1 визасының иелері келгеннен кейін 30 күн ішінде медициналық тексеру нәтижесін, қабылдау туралы хабарламаны және JW201/JW202 нысанын ұсынып, кіру-шығу басқармасына өтініш береді.',
			zh: 'X1 签证持有人须在抵达后 30 天内持体检结果、录取通知书和 JW201/JW202 表到出入境管理局申请。'
		},
		offset: 30,
		unit: 'calendar_days',
		responsible: 'self',
		visaRoutes: ['X1'],
		purposes: ['study'],
		sortOrder: 3,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: VERIFIED_ON
	},
	{
		countryCode: 'KZ',
		code: 'health_insurance',
		title: {
			en: 'Take out health insurance for the whole stay',
			ru: 'Оформите медицинскую страховку на весь срок пребывания',
			kk: 'Бүкіл болу мерзіміне медициналық сақтандыру рәсімдеңіз',
			zh: '购买覆盖整个停留期的医疗保险'
		},
		description: {
			en: 'Health insurance for the whole stay is required; the visa application and the dormitory ask for it. Ask the international office which policies it accepts.',
			ru: 'Медицинская страховка на весь срок пребывания обязательна; её спрашивают при оформлении визы и заселении в общежитие. Уточните в международном отделе, какие полисы принимаются.',
			kk: 'Бүкіл болу мерзіміне медициналық сақтандыру міндетті; оны виза рәсімдегенде және жатақханаға орналасқанда сұрайды. Қандай полистер қабылданатынын халықаралық бөлімнен нақтылаңыз.',
			zh: '整个停留期间必须有医疗保险，办理签证和入住宿舍时都会查验。请向国际处确认认可哪些保险。'
		},
		anchor: 'before_arrival',
		offset: 0,
		unit: 'calendar_days',
		responsible: 'self',
		sortOrder: 0,
		sourceUrl: 'https://www.gov.kz',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'KZ',
		code: 'medical_certificate',
		title: {
			en: 'Medical certificate for the dormitory',
			ru: 'Медицинская справка для общежития',
			kk: 'Жатақханаға арналған медициналық анықтама',
			zh: '入住宿舍所需的医疗证明'
		},
		description: {
			en: 'To live in a dormitory you need a medical certificate (form 086-U or 075-U) with fluorography and an HIV test. Bring it or have it done in your first week: the dormitory tells you where.',
			ru: 'Для проживания в общежитии нужна медицинская справка (форма 086-U или 075-U) с флюорографией и анализом на ВИЧ. Привезите её с собой или оформите в первую неделю: где именно, подскажут в общежитии.',
			kk: 'Жатақханада тұру үшін флюорография мен АИТВ-ға талдау нәтижесі бар медициналық анықтама (086-U немесе 075-U нысаны) қажет. Оны өзіңізбен алып келіңіз немесе алғашқы аптада рәсімдеңіз: қай жерде екенін жатақханада айтады.',
			zh: '入住宿舍须提供医疗证明（086-U 或 075-U 表），含肺部 X 光检查和艾滋病病毒检测结果。可随身携带，或在抵达后第一周内办理，具体地点请咨询宿舍。'
		},
		offset: 7,
		unit: 'calendar_days',
		responsible: 'self',
		minStayDays: 31,
		housing: 'on_campus',
		sortOrder: 2,
		sourceUrl: 'https://www.gov.kz',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'KZ',
		code: 'iin',
		title: {
			en: 'Get your individual identification number (IIN)',
			ru: 'Получите индивидуальный идентификационный номер (ИИН)',
			kk: 'Жеке сәйкестендіру нөмірін (ЖСН) алыңыз',
			zh: '办理个人识别号（IIN）'
		},
		description: {
			en: 'Banks, mobile operators and many public services ask for an IIN. Foreigners get one at a Public Service Centre or through egov.kz; the international office tells you whether it comes with your registration.',
			ru: 'ИИН спрашивают банки, операторы связи и многие государственные службы. Иностранцы получают его в ЦОНе или через egov.kz; в международном отделе подскажут, присваивается ли он вместе с регистрацией.',
			kk: 'ЖСН-ді банктер, байланыс операторлары және көптеген мемлекеттік қызметтер сұрайды. Шетелдіктер оны ХҚКО-да немесе egov.kz арқылы алады; ол тіркеумен бірге берілетінін-берілмейтінін халықаралық бөлім айтады.',
			zh: '银行、电信运营商和许多公共服务都需要个人识别号（IIN）。外国人可在公共服务中心或通过 egov.kz 办理；国际处会告知是否随登记一并分配。'
		},
		offset: 30,
		unit: 'calendar_days',
		responsible: 'self',
		minStayDays: 31,
		sortOrder: 4,
		sourceUrl: 'https://egov.kz',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'KZ',
		code: 'c9_renewal',
		title: {
			en: 'Renew your student visa (C9) for the next year',
			ru: 'Продлите студенческую визу (C9) на следующий год',
			kk: 'Студенттік визаңызды (C9) келесі жылға ұзартыңыз',
			zh: '续签下一年的学生签证（C9）'
		},
		description: {
			en: 'The C9 is issued for one year. Give the international office your passport at least 30 days before it runs out: the university applies to the migration service to extend it for the next year of study.',
			ru: 'Виза C9 выдаётся на один год. Не позднее чем за 30 дней до окончания её срока передайте паспорт в международный отдел: университет подаёт в миграционную службу заявление о продлении на следующий год обучения.',
			kk: 'C9 визасы бір жылға беріледі. Мерзімі аяқталарға кемінде 30 күн қалғанда паспортыңызды халықаралық бөлімге тапсырыңыз: университет келесі оқу жылына ұзарту үшін көші-қон қызметіне өтініш береді.',
			zh: 'C9 签证有效期为一年。请至少在到期前 30 天将护照交给国际处，由大学向移民服务部门申请延期至下一学年。'
		},
		anchor: 'before_anniversary',
		offset: 30,
		unit: 'calendar_days',
		responsible: 'self',
		minStayDays: 366,
		visaRoutes: ['C9'],
		purposes: ['study'],
		sortOrder: 5,
		sourceUrl: 'https://www.gov.kz/memleket/entities/mfa',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'work_permit',
		title: {
			en: 'Work permit: the university applies',
			ru: 'Разрешение на работу: заявление подаёт университет',
			kk: 'Жұмысқа рұқсат: өтінішті университет береді',
			zh: '工作许可：由大学申请'
		},
		description: {
			en: "After you enter on a Z visa, the university applies for your Foreigner's Work Permit, usually within 15 days: give the international office your passport, the health check result and the documents it asks for.",
			ru: 'После въезда по визе Z университет подаёт заявление на ваше разрешение на работу иностранца, как правило, в течение 15 дней: передайте в международный отдел паспорт, результат медицинского обследования и запрошенные документы.',
			kk: 'Z визасымен кіргеннен кейін университет шетелдіктің жұмыс істеуге рұқсатына әдетте 15 күн ішінде өтініш береді: халықаралық бөлімге паспортыңызды, медициналық тексеру нәтижесін және сұралған құжаттарды тапсырыңыз.',
			zh: '持 Z 签证入境后，大学一般在 15 天内为您申请《外国人工作许可证》：请将护照、体检结果及所需材料交给国际处。'
		},
		offset: 15,
		unit: 'calendar_days',
		responsible: 'host',
		visaRoutes: ['Z'],
		sortOrder: 4,
		sourceUrl: 'https://www.most.gov.cn',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'work_residence_permit',
		title: {
			en: 'Apply for the residence permit (work)',
			ru: 'Подайте заявление на вид на жительство (работа)',
			kk: 'Тұруға рұқсат алуға өтініш беріңіз (жұмыс)',
			zh: '申请工作类居留许可'
		},
		description: {
			en: 'Holders of a Z visa (and of an R visa who stay longer) apply at the exit-entry administration within 30 days of entry, with the work permit, the health check result and the passport (Exit and Entry Administration Law, art. 30).',
			ru: 'Владельцы визы Z (и визы R при длительном пребывании) подают заявление в управление по делам въезда и выезда в течение 30 дней после въезда, приложив разрешение на работу, результат медицинского обследования и паспорт (Закон КНР об управлении въездом и выездом, ст. 30).',
			kk: 'Z визасының иелері (және ұзақ болатын R визасының иелері) кіргеннен кейін 30 күн ішінде жұмысқа рұқсатты, медициналық тексеру нәтижесін және паспортты ұсынып, кіру-шығу басқармасына өтініш береді (ҚХР-дың Кіру және шығуды басқару туралы заңы, 30-бап).',
			zh: 'Z 签证持有人（以及需较长停留的 R 签证持有人）须自入境之日起 30 日内，持工作许可、体检结果和护照到出入境管理机构申请居留证件（《出境入境管理法》第三十条）。'
		},
		offset: 30,
		unit: 'calendar_days',
		responsible: 'self',
		visaRoutes: ['Z', 'R'],
		sortOrder: 5,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: ADDED_ON
	},
	{
		countryCode: 'CN',
		code: 'student_insurance',
		title: {
			en: 'Compulsory insurance for international students',
			ru: 'Обязательная страховка иностранного студента',
			kk: 'Шетелдік студенттің міндетті сақтандыруы',
			zh: '购买来华留学生必备的保险'
		},
		description: {
			en: 'International students must have comprehensive insurance, typically about RMB 800 a year; the university usually enrols you at registration, and the residence permit application asks for it.',
			ru: 'Иностранные студенты обязаны иметь комплексную страховку, обычно около RMB 800 в год; как правило, университет оформляет её при регистрации, а при подаче на вид на жительство её проверяют.',
			kk: 'Шетелдік студенттерде кешенді сақтандыру болуы міндетті, әдетте жылына шамамен RMB 800; оны әдетте университет тіркеу кезінде рәсімдейді, ал тұруға рұқсат алуға өтініш бергенде тексереді.',
			zh: '国际学生必须购买综合保险，通常每年约 RMB 800；大学一般在报到注册时统一办理，申请居留许可时也会查验。'
		},
		offset: 7,
		unit: 'calendar_days',
		responsible: 'self',
		purposes: ['study'],
		sortOrder: 6,
		sourceUrl: 'https://www.campuschina.org',
		verifiedOn: ADDED_ON,
		unverified: true
	},
	{
		countryCode: 'CN',
		code: 'residence_permit_renewal',
		title: {
			en: 'Extend your residence permit',
			ru: 'Продлите вид на жительство',
			kk: 'Тұруға рұқсатыңызды ұзартыңыз',
			zh: '申请延长居留期限'
		},
		description: {
			en: 'Apply to the exit-entry administration at least 30 days before your residence permit expires (Exit and Entry Administration Law, art. 32). Permits are often issued for one year at a time: if yours runs longer, this step moves with it.',
			ru: 'Подайте заявление в управление по делам въезда и выезда не позднее чем за 30 дней до истечения срока вида на жительство (Закон КНР об управлении въездом и выездом, ст. 32). Часто его выдают на один год; если ваш выдан на больший срок, этот шаг сдвигается.',
			kk: 'Тұруға рұқсаттың мерзімі аяқталарға кемінде 30 күн қалғанда кіру-шығу басқармасына өтініш беріңіз (ҚХР-дың Кіру және шығуды басқару туралы заңы, 32-бап). Ол көбіне бір жылға беріледі; сіздікі ұзағырақ мерзімге берілсе, бұл қадам да соған қарай жылжиды.',
			zh: '须在居留证件有效期届满 30 日前向出入境管理机构申请延期（《出境入境管理法》第三十二条）。居留许可通常一次签发一年；如您的有效期更长，此步骤相应顺延。'
		},
		anchor: 'before_anniversary',
		offset: 30,
		unit: 'calendar_days',
		responsible: 'self',
		minStayDays: 366,
		visaRoutes: ['X1', 'Z', 'R'],
		sortOrder: 7,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: ADDED_ON,
		unverified: true
	}
];
