import type { LocalizedText } from '$lib/i18n/localized-text';

/**
 * Who needs which visa, and the steps after arrival with their deadlines, per country, from
 * shared/mission/domain-facts.md and the official sources named per item. Facts marked
 * `unverified` are shown as "check with the institution".
 */
const VERIFIED_ON = '2026-11-28';

export interface VisaRouteSeed {
	countryCode: string;
	code: string;
	name: LocalizedText;
	description: LocalizedText;
	minStayDays?: number;
	maxStayDays?: number;
	nationalities?: string[];
	excludedNationalities?: string[];
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
	minStayDays?: number;
	maxStayDays?: number;
	visaRoutes?: string[];
	housing?: 'off_campus' | 'on_campus';
	sortOrder: number;
	sourceUrl: string;
	verifiedOn: string;
	unverified?: boolean;
}


/** Nationalities that enter Kazakhstan without a student visa (domain facts; others unverified). */
const KZ_VISA_FREE = ['RU', 'KG', 'UZ', 'TJ', 'BY', 'AM'];

export const VISA_ROUTES: VisaRouteSeed[] = [
	{
		countryCode: 'KZ',
		code: 'visa_free',
		name: { en: 'No visa needed', ru: 'Виза не требуется', kk: 'Виза қажет емес', zh: '免签' },
		description: {
			en: 'Citizens of these countries enter Kazakhstan without a student visa. The university still notifies the migration service after arrival.',
			ru: 'Граждане этих стран въезжают в Казахстан без студенческой визы. После прибытия университет всё равно уведомляет миграционную службу.',
			kk: 'Бұл елдердің азаматтары Қазақстанға студенттік визасыз кіреді. Келгеннен кейін университет бәрібір көші-қон қызметін хабардар етеді.',
			zh: '这些国家的公民无需学生签证即可入境哈萨克斯坦。抵达后，大学仍须通知移民服务部门。'
		},
		nationalities: KZ_VISA_FREE,
		visaFree: true,
		documents: [
			{ en: 'Valid passport', ru: 'Действительный паспорт', kk: 'Жарамды паспорт', zh: '有效护照' },
			{
				en: 'Admission letter from the university',
				ru: 'Письмо о зачислении от университета',
				kk: 'Университеттен қабылдау туралы хат',
				zh: '大学录取函'
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
			en: 'X1 holders have a health check (or have their home-country examination verified) before applying for the residence permit.',
			ru: 'Владельцы визы X1 проходят медицинское обследование (или подтверждают результаты обследования, пройденного на родине) перед подачей заявления на вид на жительство.',
			kk: 'X1 визасының иелері тұруға рұқсат алуға өтініш бермес бұрын медициналық тексеруден өтеді (немесе өз елінде өткен тексеру нәтижесін растатады).',
			zh: 'X1 签证持有人在申请居留许可前须进行体检（或对在本国所做的体检进行验证）。'
		},
		offset: 30,
		unit: 'calendar_days',
		responsible: 'self',
		visaRoutes: ['X1'],
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
		sortOrder: 3,
		sourceUrl: 'https://www.nia.gov.cn',
		verifiedOn: VERIFIED_ON
	}
];
