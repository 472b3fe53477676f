import type { LocalizedText } from '$lib/i18n/localized-text';
import type { Audience, DocumentRequest, Question } from '$lib/welcome/service-form';

/** Demo welcome-centre catalogues of ENU and Tongji (marked demo where seeded). */
interface DemoService {
	code: string;
	name: LocalizedText;
	description: LocalizedText;
	audiences: Audience[];
	questions: Question[];
	documents: DocumentRequest[];
	turnaroundDays: number;
}

const passport: DocumentRequest = { key: 'passport', required: true, label: { en: 'Passport (photo page)', ru: 'Паспорт (страница с фотографией)', kk: 'Паспорт (фотосуреті бар беті)', zh: '护照（照片页）' } };

const entryDate: Question = {
	key: 'entry_date',
	type: 'date',
	required: true,
	label: { en: 'Planned date of entry', ru: 'Планируемая дата въезда', kk: 'Жоспарланған келу күні', zh: '计划入境日期' },
	help: {},
	choices: []
};

const consulate: Question = {
	key: 'consulate',
	type: 'text',
	required: true,
	label: { en: 'Embassy or consulate where you will apply', ru: 'Посольство или консульство, где вы будете подавать документы', kk: 'Құжат тапсыратын елшілік немесе консулдық', zh: '您将递交申请的使领馆' },
	help: { en: 'City and country, e.g. Beijing, China.', ru: 'Город и страна, например: Пекин, Китай.', kk: 'Қала мен ел, мысалы: Бейжің, Қытай.', zh: '城市和国家，例如：北京，中国。' },
	choices: []
};

const pickupQuestions: Question[] = [
	{ key: 'flight', type: 'text', required: true, label: { en: 'Flight number', ru: 'Номер рейса', kk: 'Рейс нөмірі', zh: '航班号' }, help: { en: 'For example KC 910.', ru: 'Например, KC 910.', kk: 'Мысалы, KC 910.', zh: '例如 KC 910。' }, choices: [] },
	{ key: 'arrival_date', type: 'date', required: true, label: { en: 'Arrival date', ru: 'Дата прилёта', kk: 'Ұшып келу күні', zh: '抵达日期' }, help: {}, choices: [] },
	{ key: 'arrival_time', type: 'text', required: true, label: { en: 'Arrival time (local)', ru: 'Время прилёта (местное)', kk: 'Ұшып келу уақыты (жергілікті)', zh: '抵达时间（当地时间）' }, help: { en: 'As HH:MM, e.g. 23:40.', ru: 'В формате ЧЧ:ММ, например 23:40.', kk: 'СС:ММ пішімінде, мысалы 23:40.', zh: '格式为 HH:MM，例如 23:40。' }, choices: [] },
	{ key: 'passengers', type: 'number', required: true, label: { en: 'Number of people', ru: 'Количество человек', kk: 'Адам саны', zh: '人数' }, help: {}, choices: [] },
	{
		key: 'luggage',
		type: 'select',
		required: false,
		label: { en: 'Luggage', ru: 'Багаж', kk: 'Жүк', zh: '行李' },
		help: {},
		choices: [
			{ en: 'One suitcase', ru: 'Один чемодан', kk: 'Бір чемодан', zh: '一个行李箱' },
			{ en: 'Two suitcases or more', ru: 'Два чемодана или больше', kk: 'Екі немесе одан көп чемодан', zh: '两个或更多行李箱' }
		]
	}
];

const invitation = (turnaroundDays: number): DemoService => ({
	code: 'invitation_letter',
	name: { en: 'Invitation letter and visa support', ru: 'Приглашение и визовая поддержка', kk: 'Шақыру хат және визалық қолдау', zh: '邀请函和签证协助' },
	description: {
		en: 'The letter your visa application needs, and help with the visa forms. (Demo content.)',
		ru: 'Письмо, необходимое для заявления на визу, и помощь с визовыми анкетами. (Демонстрационные данные.)',
		kk: 'Визаға өтінішке қажет хат және виза сауалнамаларына көмек. (Демо мазмұн.)',
		zh: '签证申请所需的邀请函，以及签证表格填写协助。（演示内容）'
	},
	audiences: ['student', 'staff', 'researcher', 'family'],
	questions: [entryDate, consulate],
	documents: [passport],
	turnaroundDays
});

const pickup = (turnaroundDays: number): DemoService => ({
	code: 'airport_pickup',
	name: { en: 'Airport pickup', ru: 'Встреча в аэропорту', kk: 'Әуежайдан қарсы алу', zh: '机场接机' },
	description: {
		en: 'A volunteer or driver meets you at the airport and takes you to your accommodation. (Demo content.)',
		ru: 'Волонтёр или водитель встретит вас в аэропорту и отвезёт к месту проживания. (Демонстрационные данные.)',
		kk: 'Ерікті немесе жүргізуші сізді әуежайда қарсы алып, тұратын жеріңізге жеткізеді. (Демо мазмұн.)',
		zh: '志愿者或司机在机场迎接您并送您到住处。（演示内容）'
	},
	audiences: ['student', 'staff', 'researcher', 'family'],
	questions: pickupQuestions,
	documents: [],
	turnaroundDays
});

export const DEMO_CATALOGUE: Record<string, DemoService[]> = {
	enu: [
		invitation(10),
		pickup(3),
		{
			code: 'migration_registration',
			name: { en: 'Migration registration', ru: 'Миграционная регистрация', kk: 'Көші-қон тіркеуі', zh: '移民登记' },
			description: {
				en: 'The university notifies the migration service of your arrival within the legal deadline. Bring your passport and migration card in your first days. (Demo content.)',
				ru: 'Университет уведомляет миграционную службу о вашем прибытии в установленный срок. Принесите паспорт и миграционную карточку в первые дни. (Демонстрационные данные.)',
				kk: 'Университет сіздің келгеніңіз туралы көші-қон қызметіне белгіленген мерзімде хабарлайды. Алғашқы күндері паспорт пен көші-қон карточкасын әкеліңіз. (Демо мазмұн.)',
				zh: '学校在法定期限内向移民部门申报您的抵达。请在抵达后最初几天携带护照和入境卡。（演示内容）'
			},
			audiences: ['student', 'staff', 'researcher', 'family'],
			questions: [],
			documents: [passport, { key: 'migration_card', required: true, label: { en: 'Migration card', ru: 'Миграционная карточка', kk: 'Көші-қон карточкасы', zh: '入境卡' } }],
			turnaroundDays: 2
		}
	],
	tongji: [invitation(15), pickup(5)]
};
