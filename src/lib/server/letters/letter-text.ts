import type { LocalizedText } from '$lib/i18n/localized-text';

/**
 * The letters a welcome centre issues, their default wording in the four languages, and the
 * placeholders a template may use. Pure: shared by the template editor and the PDF.
 */
export const LETTER_KINDS = ['invitation', 'enrolment', 'arrival'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * What a template may say about the person and their stay: {{name}}, {{passport}}, … (filled by
 * letter-facts.ts; the template editor lists them in this order, each with what it stands for).
 */
export const PLACEHOLDERS = [
	'name',
	'passport_name',
	'sex',
	'date_of_birth',
	'place_of_birth',
	'nationality',
	'home_address',
	'passport',
	'passport_issued',
	'passport_expiry',
	'kind',
	'purpose',
	'stay_start',
	'stay_end',
	'arrival_date',
	'institution',
	'city',
	'country'
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type LetterFacts = Record<Placeholder, string>;

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The placeholders a text uses that do not exist (a typo would otherwise print as is). */
export function unknownPlaceholders(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

/** The placeholders a text uses, each once, in the order it uses them. */
export const usedPlaceholders = (text: string): Placeholder[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((name): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name));

/** Fills a template's placeholders; a fact that is not known prints as a dash. */
export function fillTemplate(text: string, facts: Partial<LetterFacts>): string {
	return text.replace(PLACEHOLDER, (_, name: string) => facts[name as Placeholder] || '—');
}

/** A template's body as paragraphs (blank lines separate them; a single line break stays a new line). */
export const paragraphsOf = (text: string) =>
	text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);

export interface DefaultTemplate {
	title: LocalizedText;
	body: LocalizedText;
}

export const DEFAULT_TEMPLATES: Record<LetterKind, DefaultTemplate> = {
	invitation: {
		title: { en: 'Letter of invitation', ru: 'Письмо-приглашение', kk: 'Шақыру хаты', zh: '邀请函' },
		// What a consulate looks for, one fact a line: the person as in the passport, the passport,
		// the home address, the purpose and dates of the stay, and the host.
		body: {
			en: '{{institution}} invites the person named below to come to {{city}}, {{country}}, as an incoming {{kind}}.\n\nFull name (as in the passport): {{name}}\nSex: {{sex}}\nDate and place of birth: {{date_of_birth}}, {{place_of_birth}}\nCitizenship: {{nationality}}\nPassport: {{passport}}, issued on {{passport_issued}}, valid until {{passport_expiry}}\nHome address: {{home_address}}\nPurpose of the stay: {{purpose}}\nDates of the stay: {{stay_start}} – {{stay_end}}\nHost institution: {{institution}}, {{city}}, {{country}}\n\nThe planned date of arrival is {{arrival_date}}. The university will register the stay with the authorities as the law requires and will assist with accommodation.\n\nWe ask the consular authorities to issue the visa needed for this stay.',
			ru: '{{institution}} приглашает указанное ниже лицо прибыть в {{city}} ({{country}}) в качестве: {{kind}}.\n\nФамилия и имя (как в паспорте): {{name}}\nПол: {{sex}}\nДата и место рождения: {{date_of_birth}}, {{place_of_birth}}\nГражданство: {{nationality}}\nПаспорт: {{passport}}, выдан {{passport_issued}}, действителен до {{passport_expiry}}\nАдрес постоянного проживания: {{home_address}}\nЦель поездки: {{purpose}}\nСроки пребывания: с {{stay_start}} по {{stay_end}}\nПринимающая организация: {{institution}}, {{city}}, {{country}}\n\nПланируемая дата прибытия: {{arrival_date}}. Университет зарегистрирует пребывание в органах власти в установленном законом порядке и окажет помощь с проживанием.\n\nПросим консульские органы выдать визу, необходимую для этого пребывания.',
			kk: '{{institution}} төменде көрсетілген тұлғаны {{city}} қаласына ({{country}}) келуге шақырады, мәртебесі: {{kind}}.\n\nТегі мен аты (паспорттағыдай): {{name}}\nЖынысы: {{sex}}\nТуған күні мен жері: {{date_of_birth}}, {{place_of_birth}}\nАзаматтығы: {{nationality}}\nПаспорты: {{passport}}, берілген күні {{passport_issued}}, {{passport_expiry}} дейін жарамды\nТұрақты мекенжайы: {{home_address}}\nСапар мақсаты: {{purpose}}\nБолу мерзімі: {{stay_start}} – {{stay_end}}\nҚабылдаушы ұйым: {{institution}}, {{city}}, {{country}}\n\nЖоспарланған келу күні: {{arrival_date}}. Университет болу мерзімін заңда белгіленген тәртіппен тіркейді және тұрғын үй мәселесінде көмек көрсетеді.\n\nКонсулдық органдардан осы сапарға қажетті визаны беруді сұраймыз.',
			zh: '{{institution}}邀请下列人员以{{kind}}身份来{{city}}（{{country}}）。\n\n姓名（与护照一致）：{{name}}\n性别：{{sex}}\n出生日期及出生地：{{date_of_birth}}，{{place_of_birth}}\n国籍：{{nationality}}\n护照号码：{{passport}}，签发日期：{{passport_issued}}，有效期至{{passport_expiry}}\n常住地址：{{home_address}}\n来访目的：{{purpose}}\n停留期间：{{stay_start}}至{{stay_end}}\n接待单位：{{institution}}（{{city}}，{{country}}）\n\n预计抵达日期为{{arrival_date}}。学校将依法向有关部门办理居留登记，并协助安排住宿。\n\n请领事机关为此次来访签发所需签证。'
		}
	},
	enrolment: {
		title: { en: 'Confirmation of enrolment and stay', ru: 'Подтверждение зачисления и пребывания', kk: 'Оқуға қабылдау және болу туралы растама', zh: '在读及停留证明' },
		body: {
			en: '{{institution}} confirms that {{name}}, born on {{date_of_birth}}, citizen of {{nationality}}, passport {{passport}}, is registered as an incoming {{kind}} from {{stay_start}} to {{stay_end}}.\n\nThis letter is issued at the request of the person concerned.',
			ru: '{{institution}} подтверждает, что {{name}}, дата рождения {{date_of_birth}}, гражданство: {{nationality}}, паспорт {{passport}}, зарегистрирован(а) в качестве: {{kind}} на период с {{stay_start}} по {{stay_end}}.\n\nСправка выдана по просьбе заявителя.',
			kk: '{{institution}} {{date_of_birth}} туған, азаматтығы: {{nationality}}, паспорты {{passport}} {{name}} {{stay_start}} бастап {{stay_end}} дейін тіркелгенін растайды, мәртебесі: {{kind}}.\n\nАнықтама өтініш берушінің сұрауы бойынша берілді.',
			zh: '兹证明{{name}}（出生日期：{{date_of_birth}}，国籍：{{nationality}}，护照号码：{{passport}}）已在{{institution}}登记为{{kind}}，停留期间为{{stay_start}}至{{stay_end}}。\n\n本证明应本人要求出具。'
		}
	},
	arrival: {
		title: { en: 'Certificate of arrival', ru: 'Справка о прибытии', kk: 'Келу туралы анықтама', zh: '抵达证明' },
		body: {
			en: '{{institution}} certifies that {{name}}, citizen of {{nationality}}, passport {{passport}}, arrived on {{arrival_date}} and is staying as an incoming {{kind}} until {{stay_end}}.\n\nThis certificate is issued at the request of the person concerned.',
			ru: '{{institution}} удостоверяет, что {{name}}, гражданство: {{nationality}}, паспорт {{passport}}, прибыл(а) {{arrival_date}} и пребывает в качестве: {{kind}} до {{stay_end}}.\n\nСправка выдана по просьбе заявителя.',
			kk: '{{institution}} азаматтығы: {{nationality}}, паспорты {{passport}} {{name}} {{arrival_date}} келгенін және {{stay_end}} дейін болатынын куәландырады, мәртебесі: {{kind}}.\n\nАнықтама өтініш берушінің сұрауы бойынша берілді.',
			zh: '兹证明{{name}}（国籍：{{nationality}}，护照号码：{{passport}}）已于{{arrival_date}}抵达，并以{{kind}}身份停留至{{stay_end}}。\n\n本证明应本人要求出具。'
		}
	}
};
