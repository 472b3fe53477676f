import type { LocalizedText } from '$lib/i18n/localized-text';

/** The WELCOME project's real events (domain facts) and demo news, events and documents. */
export interface EventSeed {
	slug: string;
	institution?: string;
	kind: 'conference' | 'training' | 'study_tour' | 'meeting' | 'open_day' | 'webinar';
	title: LocalizedText;
	summary: LocalizedText;
	startsOn: string;
	endsOn: string;
	city: LocalizedText;
	countryCode?: string;
	online?: boolean;
	isDemo?: boolean;
}

export const EVENTS: EventSeed[] = [
	{ slug: 'study-tour-lisbon-2017', institution: 'ist', kind: 'study_tour', startsOn: '2017-05-28', endsOn: '2017-06-02', city: { en: 'Lisbon', ru: 'Лиссабон', kk: 'Лиссабон', zh: '里斯本' }, countryCode: 'PT',
		title: { en: 'Study tour on internationalisation practice and policy', ru: 'Учебный визит по практике и политике интернационализации', kk: 'Интернационалдандыру тәжірибесі мен саясаты бойынша оқу сапары', zh: '国际化实践与政策考察学习' }, summary: { en: 'EU universities present their internationalisation strategies to the Kazakh and Chinese partners; the benchmarking results are presented.', ru: 'Университеты ЕС представляют казахстанским и китайским партнёрам свои стратегии интернационализации; представляются результаты бенчмаркинга.', kk: 'ЕО университеттері қазақстандық және қытайлық серіктестерге өздерінің интернационалдандыру стратегияларын таныстырады; бенчмаркинг нәтижелері ұсынылады.', zh: '欧盟高校向哈萨克斯坦和中国合作伙伴介绍各自的国际化战略，并发布对标分析结果。' } },
	{ slug: 'conference-shanghai-2017', institution: 'tongji', kind: 'conference', startsOn: '2017-12-09', endsOn: '2017-12-10', city: { en: 'Shanghai', ru: 'Шанхай', kk: 'Шанхай', zh: '上海' }, countryCode: 'CN',
		title: { en: 'Conference “Internationalisation of higher education”', ru: 'Конференция «Интернационализация высшего образования»', kk: '«Жоғары білім беруді интернационалдандыру» конференциясы', zh: '会议“高等教育国际化”' }, summary: { en: 'Two days on how universities attract and serve international students, staff and researchers.', ru: 'Два дня о том, как университеты привлекают иностранных студентов, сотрудников и исследователей и работают с ними.', kk: 'Университеттердің шетелдік студенттерді, қызметкерлер мен зерттеушілерді қалай тартатыны және оларға қалай қызмет көрсететіні туралы екі күн.', zh: '为期两天，探讨高校如何吸引国际学生、教职员工和研究人员并为其提供服务。' } },
	{ slug: 'training-stockholm-2018', institution: 'kth', kind: 'training', startsOn: '2018-04-16', endsOn: '2018-04-20', city: { en: 'Stockholm', ru: 'Стокгольм', kk: 'Стокгольм', zh: '斯德哥尔摩' }, countryCode: 'SE',
		title: { en: 'Training “Comprehensive Internationalisation: tools and methodologies”', ru: 'Тренинг «Комплексная интернационализация: инструменты и методологии»', kk: '«Кешенді интернационалдандыру: құралдар мен әдістемелер» тренингі', zh: '培训“全面国际化：工具与方法”' }, summary: { en: 'Strategic management of international cooperation, with visits to KTH’s relocation and student service offices.', ru: 'Стратегическое управление международным сотрудничеством с посещением служб KTH по релокации и обслуживанию студентов.', kk: 'Халықаралық ынтымақтастықты стратегиялық басқару, KTH-тың релокация және студенттерге қызмет көрсету бөлімдеріне бару.', zh: '国际合作战略管理，并参观KTH的安置服务办公室和学生服务办公室。' } },
	{ slug: 'conference-beijing-2019', institution: 'buaa', kind: 'conference', startsOn: '2019-05-14', endsOn: '2019-05-16', city: { en: 'Beijing', ru: 'Пекин', kk: 'Бейжің', zh: '北京' }, countryCode: 'CN',
		title: { en: 'Conference “The Role of Internationalization Strategies in Building a World-Class University”', ru: 'Конференция «Роль стратегий интернационализации в создании университета мирового класса»', kk: '«Әлемдік деңгейдегі университет құрудағы интернационалдандыру стратегияларының рөлі» конференциясы', zh: '会议“国际化战略在建设世界一流大学中的作用”' }, summary: { en: 'More than 130 delegates from 76 institutions in 17 countries.', ru: 'Более 130 делегатов из 76 учреждений 17 стран.', kk: '17 елдің 76 ұйымынан 130-дан астам делегат.', zh: '来自17个国家76所机构的130多名代表参会。' } },
	{ slug: 'training-perpignan-2019', institution: 'upvd', kind: 'training', startsOn: '2019-06-03', endsOn: '2019-06-07', city: { en: 'Perpignan', ru: 'Перпиньян', kk: 'Перпиньян', zh: '佩皮尼昂' }, countryCode: 'FR',
		title: { en: 'Training “Implementation of Credit Mobility” and consortium meeting', ru: 'Тренинг «Реализация кредитной мобильности» и встреча консорциума', kk: '«Кредиттік ұтқырлықты іске асыру» тренингі және консорциум кездесуі', zh: '培训“学分流动的实施”及联盟会议' }, summary: { en: 'Learning agreements, recognition and grade conversion in practice.', ru: 'Соглашения об обучении, признание результатов и перевод оценок на практике.', kk: 'Оқу келісімдері, оқу нәтижелерін тану және бағаларды ауыстыру іс жүзінде.', zh: '学习协议、学分认定与成绩转换的实践。' } },
	{ slug: 'welcome-week-enu-2027', institution: 'enu', kind: 'open_day', startsOn: '2027-08-26', endsOn: '2027-08-30', city: { en: 'Astana', ru: 'Астана', kk: 'Астана', zh: '阿斯塔纳' }, countryCode: 'KZ', isDemo: true,
		title: { en: 'Welcome week for international students', ru: 'Приветственная неделя для иностранных студентов', kk: 'Шетелдік студенттерге арналған қарсы алу апталығы', zh: '国际学生迎新周' }, summary: { en: 'Airport pickup, migration registration on campus, city tour and a buddy for every newcomer. (Demo content.)', ru: 'Встреча в аэропорту, миграционная регистрация прямо в кампусе, экскурсия по городу и бадди для каждого новичка. (Демонстрационные данные.)', kk: 'Әуежайдан қарсы алу, кампуста көші-қон тіркеуі, қала бойынша экскурсия және әр жаңа студентке бадди. (Демо мазмұн.)', zh: '机场接机、校内办理移民登记、城市游览，并为每位新生配备一名伙伴。（演示内容）' } },
	{ slug: 'webinar-study-in-kazakhstan-2027', kind: 'webinar', startsOn: '2027-02-10', endsOn: '2027-02-10', city: {}, online: true, isDemo: true,
		title: { en: 'Webinar: studying in Kazakhstan', ru: 'Вебинар: учёба в Казахстане', kk: 'Вебинар: Қазақстанда оқу', zh: '网络研讨会：在哈萨克斯坦留学' }, summary: { en: 'Visas, grants and student life, with answers from four universities’ welcome centres. (Demo content.)', ru: 'Визы, гранты и студенческая жизнь — с ответами центров приёма иностранных студентов четырёх университетов. (Демонстрационные данные.)', kk: 'Визалар, гранттар және студенттік өмір — төрт университеттің шетелдік студенттерді қабылдау орталықтарының жауаптарымен. (Демо мазмұн.)', zh: '签证、奖学金与学生生活，四所大学的迎新中心现场答疑。（演示内容）' } },
	{ slug: 'open-day-tongji-2027', institution: 'tongji', kind: 'open_day', startsOn: '2027-03-20', endsOn: '2027-03-20', city: { en: 'Shanghai', ru: 'Шанхай', kk: 'Шанхай', zh: '上海' }, countryCode: 'CN', isDemo: true,
		title: { en: 'Open day for international applicants', ru: 'День открытых дверей для иностранных абитуриентов', kk: 'Шетелдік талапкерлерге арналған ашық есік күні', zh: '国际申请者开放日' }, summary: { en: 'Meet the programmes taught in English and the international student office. (Demo content.)', ru: 'Познакомьтесь с программами на английском языке и отделом по работе с иностранными студентами. (Демонстрационные данные.)', kk: 'Ағылшын тілінде оқытылатын бағдарламалармен және шетелдік студенттер бөлімімен танысыңыз. (Демо мазмұн.)', zh: '了解英语授课项目和留学生办公室。（演示内容）' } }
];

export interface NewsSeed {
	slug: string;
	institution?: string;
	publishedAt: string;
	title: LocalizedText;
	summary: LocalizedText;
	body: LocalizedText;
}

export const NEWS: NewsSeed[] = [
	{ slug: 'closing-forum-astana', institution: 'enu', publishedAt: '2019-10-10T09:00:00Z',
		title: { en: 'Closing forum in Astana: a strategy for welcoming foreign students', ru: 'Заключительный форум в Астане: стратегия приёма иностранных студентов', kk: 'Астанадағы қорытынды форум: шетелдік студенттерді қабылдау стратегиясы', zh: '阿斯塔纳闭幕论坛：接待外国学生的战略' },
		summary: { en: 'A round table at ENU agreed on a strategic plan for welcoming foreign students and staff. (Demo content.)', ru: 'Круглый стол в ЕНУ им. Л.Н. Гумилёва согласовал стратегический план приёма иностранных студентов и сотрудников. (Демонстрационные данные.)', kk: 'Л.Н. Гумилев атындағы ЕҰУ-дағы дөңгелек үстел шетелдік студенттер мен қызметкерлерді қабылдаудың стратегиялық жоспарын келісті. (Демо мазмұн.)', zh: '古米廖夫欧亚国立大学举行的圆桌会议商定了接待外国学生和教职员工的战略计划。（演示内容）' },
		body: { en: 'The WELCOME consortium closed its project with a forum at L.N. Gumilyov Eurasian National University. A round table discussed a strategic plan for welcoming foreign students and staff, and Narxoz presented the results of its Welcome Center for 2017–2019. (Demo content.)', ru: 'Консорциум WELCOME завершил проект форумом в Евразийском национальном университете им. Л.Н. Гумилёва. Участники круглого стола обсудили стратегический план приёма иностранных студентов и сотрудников, а Нархоз представил результаты работы своего Welcome Center за 2017–2019 годы. (Демонстрационные данные.)', kk: 'WELCOME консорциумы жобаны Л.Н. Гумилев атындағы Еуразия ұлттық университетіндегі форуммен аяқтады. Дөңгелек үстелде шетелдік студенттер мен қызметкерлерді қабылдаудың стратегиялық жоспары талқыланды, ал Нархоз өзінің Welcome Center орталығының 2017–2019 жылдардағы нәтижелерін ұсынды. (Демо мазмұн.)', zh: 'WELCOME联盟在古米廖夫欧亚国立大学举办论坛，为项目画上句号。圆桌会议讨论了接待外国学生和教职员工的战略计划，纳尔霍兹大学介绍了其迎新中心（Welcome Center）2017–2019年的工作成果。（演示内容）' } },
	{ slug: 'narxoz-welcome-center-results', institution: 'narxoz', publishedAt: '2019-10-12T09:00:00Z',
		title: { en: 'Narxoz Welcome Center: three years of results', ru: 'Welcome Center Нархоза: итоги трёх лет', kk: 'Нархоз Welcome Center: үш жылдың нәтижелері', zh: '纳尔霍兹大学迎新中心：三年成果' },
		summary: { en: 'From airport pickup to migration registration, one door for every incoming student. (Demo content.)', ru: 'От встречи в аэропорту до миграционной регистрации — одно окно для каждого приезжающего студента. (Демонстрационные данные.)', kk: 'Әуежайдан қарсы алудан бастап көші-қон тіркеуіне дейін — әрбір келген студент үшін бір терезе. (Демо мазмұн.)', zh: '从机场接机到移民登记，每位来校学生只需找一个窗口。（演示内容）' },
		body: { en: 'Since 2017 the Narxoz Welcome Center has handled visa support, airport pickup, housing and migration registration for incoming students and staff in one place. (Demo content.)', ru: 'С 2017 года Welcome Center Нархоза в одном месте занимается визовой поддержкой, встречей в аэропорту, жильём и миграционной регистрацией приезжающих студентов и сотрудников. (Демонстрационные данные.)', kk: '2017 жылдан бері Нархоз Welcome Center орталығы келген студенттер мен қызметкерлерге визалық қолдау, әуежайдан қарсы алу, тұрғын үй және көші-қон тіркеуі мәселелерін бір жерде шешеді. (Демо мазмұн.)', zh: '自2017年起，纳尔霍兹大学迎新中心在同一处为来校学生和教职员工办理签证支持、机场接机、住宿安排和移民登记。（演示内容）' } },
	{ slug: 'planner-launch', publishedAt: '2026-11-20T09:00:00Z',
		title: { en: 'New: plan your arrival with dated deadlines', ru: 'Новинка: планируйте приезд с точными сроками', kk: 'Жаңалық: келуіңізді нақты мерзімдермен жоспарлаңыз', zh: '新功能：按具体截止日期规划您的抵达' },
		summary: { en: 'The arrival planner turns each country’s rules into your own timeline, ready for your calendar. (Demo content.)', ru: 'Планировщик приезда превращает правила каждой страны в ваш личный график, готовый для добавления в календарь. (Демонстрационные данные.)', kk: 'Келуді жоспарлаушы әр елдің ережелерін күнтізбеге қосуға дайын жеке кестеңізге айналдырады. (Демо мазмұн.)', zh: '抵达规划工具将各国规定转化为您的个人时间表，可直接导入日历。（演示内容）' },
		body: { en: 'Choose your university, nationality and arrival date: the planner lists what to do before and after arrival with real dates, counting working days and public holidays, and exports them to your calendar. (Demo content.)', ru: 'Выберите университет, гражданство и дату приезда: планировщик перечислит, что нужно сделать до и после приезда, с реальными датами с учётом рабочих дней и государственных праздников, и экспортирует их в ваш календарь. (Демонстрационные данные.)', kk: 'Университетті, азаматтықты және келу күнін таңдаңыз: жоспарлаушы жұмыс күндері мен мемлекеттік мерекелерді ескере отырып, келгенге дейін және келгеннен кейін не істеу керектігін нақты күндерімен тізіп, оларды күнтізбеңізге экспорттайды. (Демо мазмұн.)', zh: '选择您的大学、国籍和抵达日期：规划工具会按工作日和法定节假日计算，列出抵达前后需办理的事项及具体日期，并导出到您的日历。（演示内容）' } },
	{ slug: 'tongji-english-masters-2027', institution: 'tongji', publishedAt: '2026-11-05T09:00:00Z',
		title: { en: 'Tongji opens applications for English-taught master programmes', ru: 'Университет Тунцзи открывает приём заявок на магистерские программы на английском языке', kk: 'Тунцзи университеті ағылшын тілінде оқытылатын магистратура бағдарламаларына өтінім қабылдауды бастады', zh: '同济大学英语授课硕士项目开放申请' },
		summary: { en: 'Civil engineering and urban planning accept applications for autumn 2027. (Demo content.)', ru: 'Программы по гражданскому строительству и градостроительству принимают заявки на осень 2027 года. (Демонстрационные данные.)', kk: 'Құрылыс инженериясы және қала құрылысын жоспарлау бағдарламалары 2027 жылдың күзіне өтінімдер қабылдайды. (Демо мазмұн.)', zh: '土木工程和城市规划专业接受2027年秋季入学申请。（演示内容）' },
		body: { en: 'Applications for the English-taught master programmes in civil engineering and urban planning are open until 31 March 2027. The Chinese Government Scholarship and the Shanghai Government Scholarship can fund them. (Demo content.)', ru: 'Приём заявок на магистерские программы на английском языке по гражданскому строительству и градостроительству открыт до 31 марта 2027 года. Обучение может финансироваться стипендией правительства Китая и стипендией правительства Шанхая. (Демонстрационные данные.)', kk: 'Құрылыс инженериясы және қала құрылысын жоспарлау бойынша ағылшын тілінде оқытылатын магистратура бағдарламаларына өтінімдер 2027 жылғы 31 наурызға дейін қабылданады. Оқуды Қытай үкіметінің стипендиясы мен Шанхай үкіметінің стипендиясы қаржыландыра алады. (Демо мазмұн.)', zh: '英语授课的土木工程和城市规划硕士项目开放申请，截止日期为2027年3月31日。学生可申请中国政府奖学金和上海市政府奖学金资助。（演示内容）' } }
];

export interface DocumentSeed {
	slug: string;
	institution?: string;
	title: LocalizedText;
	kind: 'leaflet' | 'poster' | 'report' | 'guide' | 'presentation';
	language: string;
	url: string;
	publishedOn: string;
}

export const DOCUMENTS: DocumentSeed[] = [
	{ slug: 'welcome-leaflet', title: { en: 'WELCOME project leaflet', ru: 'Буклет проекта WELCOME', kk: 'WELCOME жобасының буклеті', zh: 'WELCOME项目宣传册' }, kind: 'leaflet', language: 'en', url: 'https://erasmus-plus.ec.europa.eu/projects', publishedOn: '2017-03-01' },
	{ slug: 'benchmarking-report', title: { en: 'Benchmarking of internationalisation practices in partner countries', ru: 'Бенчмаркинг практик интернационализации в странах-партнёрах', kk: 'Серіктес елдердегі интернационалдандыру тәжірибелерінің бенчмаркингі', zh: '合作伙伴国家国际化实践对标分析' }, kind: 'report', language: 'en', url: 'https://erasmus-plus.ec.europa.eu/projects', publishedOn: '2017-06-02' },
	{ slug: 'enu-guide-international-students', institution: 'enu', title: { en: 'Guide for international students at ENU', ru: 'Путеводитель для иностранных студентов ЕНУ им. Л.Н. Гумилёва', kk: 'Л.Н. Гумилев атындағы ЕҰУ шетелдік студенттеріне арналған нұсқаулық', zh: '古米廖夫欧亚国立大学国际学生指南' }, kind: 'guide', language: 'ru', url: 'https://enu.kz', publishedOn: '2019-09-01' },
	{ slug: 'tongji-student-handbook', institution: 'tongji', title: { en: 'International student handbook', ru: 'Справочник иностранного студента', kk: 'Шетелдік студентке арналған анықтамалық', zh: '国际学生手册' }, kind: 'guide', language: 'zh', url: 'https://www.tongji.edu.cn', publishedOn: '2019-09-01' },
	{ slug: 'conference-poster-beijing-2019', title: { en: 'WELCOME conference poster, Beijing 2019', ru: 'Постер конференции WELCOME, Пекин, 2019', kk: 'WELCOME конференциясының постері, Бейжің, 2019', zh: 'WELCOME会议海报，北京，2019年' }, kind: 'poster', language: 'en', url: 'https://erasmus-plus.ec.europa.eu/projects', publishedOn: '2019-04-20' }
];

export interface FaqSeed {
	institution: string;
	slug: string;
	position: number;
	question: LocalizedText;
	answer: LocalizedText;
}

/** Demo questions and answers (marked as demo on the profile through the institution's demo badge). */
export const FAQ: FaqSeed[] = [
	{
		institution: 'enu',
		slug: 'invitation-letter',
		position: 10,
		question: { kk: 'Шақыру хатын қалай аламын?', ru: 'Как получить приглашение для визы?', en: 'How do I get the invitation letter for my visa?', zh: '如何获得办理签证所需的邀请函？' },
		answer: {
			kk: 'Қабылдау туралы хатты алғаннан кейін халықаралық бөлімге төлқұжатыңыздың көшірмесін жіберіңіз. Шақыру шамамен **15 жұмыс күні** ішінде дайын болады. (Демо мазмұн.)',
			ru: 'После письма о зачислении отправьте в международный отдел копию паспорта. Приглашение готовится примерно **15 рабочих дней**. (Демонстрационные данные.)',
			en: 'After your admission letter, send a copy of your passport to the international office. The invitation takes about **15 working days**. (Demo content.)',
			zh: '收到录取通知后，请将护照复印件发送至国际处。邀请函办理约需 **15 个工作日**。（演示内容）'
		}
	},
	{
		institution: 'enu',
		slug: 'registration-after-arrival',
		position: 20,
		question: { kk: 'Келгеннен кейін тіркелу керек пе?', ru: 'Нужно ли регистрироваться после приезда?', en: 'Do I have to register after I arrive?', zh: '抵达后需要办理登记吗？' },
		answer: {
			kk: 'Иә. Қабылдаушы тарап сізді келген күннен бастап **3 жұмыс күні** ішінде көші-қон қызметіне хабарлайды. Келу жоспарлағышы нақты күндерді көрсетеді. (Демо мазмұн.)',
			ru: 'Да. Принимающая сторона уведомляет миграционную службу в течение **3 рабочих дней** после вашего прибытия. Планировщик прибытия покажет точные даты. (Демонстрационные данные.)',
			en: 'Yes. The host notifies the migration service within **3 working days** of your arrival. The arrival planner shows your exact dates. (Demo content.)',
			zh: '需要。接待方须在您抵达后 **3 个工作日**内通知移民部门。抵达规划工具会显示具体日期。（演示内容）'
		}
	},
	{
		institution: 'tongji',
		slug: 'residence-permit',
		position: 10,
		question: { zh: '学习签证（X1）入境后要做什么？', en: 'What do I do after entering China on an X1 visa?', ru: 'Что делать после въезда в Китай по визе X1?', kk: 'Қытайға X1 визасымен кіргеннен кейін не істеу керек?' },
		answer: {
			zh: '请在入境后 **24 小时**内办理住宿登记，并在 **30 天**内申请居留许可。留学生办公室会协助您办理。（演示内容）',
			en: 'Register your accommodation within **24 hours** of entry and apply for a residence permit within **30 days**. The international student office helps you with both. (Demo content.)',
			ru: 'Зарегистрируйте место проживания в течение **24 часов** после въезда и подайте на вид на жительство в течение **30 дней**. Отдел по работе с иностранными студентами поможет. (Демонстрационные данные.)',
			kk: 'Кіргеннен кейін **24 сағат** ішінде тұрғылықты жеріңізді тіркеңіз және **30 күн** ішінде тұруға рұқсатқа өтініш беріңіз. Шетелдік студенттер бөлімі көмектеседі. (Демо мазмұн.)'
		}
	}
];
