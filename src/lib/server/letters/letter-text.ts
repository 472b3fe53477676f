import type { LocalizedText } from '$lib/i18n/localized-text';

/**
 * The letters a welcome centre issues, their default wording in the four languages, and the
 * placeholders a template may use. Pure: shared by the template editor and the PDF.
 */
export const LETTER_KINDS = ['invitation', 'enrolment', 'arrival'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** What a template may say about the person and their stay: {{name}}, {{passport}}, … */
export const PLACEHOLDERS = ['name', 'nationality', 'date_of_birth', 'passport', 'passport_expiry', 'kind', 'stay_start', 'stay_end', 'arrival_date', 'institution', 'city', 'country'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type LetterFacts = Record<Placeholder, string>;

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The placeholders a text uses that do not exist (a typo would otherwise print as is). */
export function unknownPlaceholders(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

/** Fills a template's placeholders; a fact that is not known prints as a dash. */
export function fillTemplate(text: string, facts: Partial<LetterFacts>): string {
	return text.replace(PLACEHOLDER, (_, name: string) => facts[name as Placeholder] || '—');
}

/** A template's body as paragraphs (blank lines separate them). */
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
		body: {
			en: '{{institution}} invites {{name}}, born on {{date_of_birth}}, citizen of {{nationality}}, passport {{passport}} (valid until {{passport_expiry}}), to come to {{city}}, {{country}}, as an incoming {{kind}} from {{stay_start}} to {{stay_end}}.\n\nThe planned date of arrival is {{arrival_date}}. The university will register the stay with the authorities as the law requires and will assist with accommodation.\n\nWe ask the consular authorities to issue the visa needed for this stay.',
			ru: '{{institution}} приглашает {{name}}, дата рождения {{date_of_birth}}, гражданство: {{nationality}}, паспорт {{passport}} (действителен до {{passport_expiry}}), прибыть в {{city}} ({{country}}) в качестве: {{kind}} на период с {{stay_start}} по {{stay_end}}.\n\nПланируемая дата прибытия: {{arrival_date}}. Университет зарегистрирует пребывание в органах власти в установленном законом порядке и окажет помощь с проживанием.\n\nПросим консульские органы выдать визу, необходимую для этого пребывания.',
			kk: '{{institution}} {{date_of_birth}} туған, азаматтығы: {{nationality}}, паспорты {{passport}} ({{passport_expiry}} дейін жарамды) {{name}} мырзаны/ханымды {{stay_start}} бастап {{stay_end}} дейін {{city}} қаласына ({{country}}) келуге шақырады, мәртебесі: {{kind}}.\n\nЖоспарланған келу күні: {{arrival_date}}. Университет болу мерзімін заңда белгіленген тәртіппен тіркейді және тұрғын үй мәселесінде көмек көрсетеді.\n\nКонсулдық органдардан осы сапарға қажетті визаны беруді сұраймыз.',
			zh: '{{institution}}邀请{{name}}（出生日期：{{date_of_birth}}，国籍：{{nationality}}，护照号码：{{passport}}，有效期至{{passport_expiry}}）以{{kind}}身份于{{stay_start}}至{{stay_end}}期间来{{city}}（{{country}}）。\n\n预计抵达日期为{{arrival_date}}。学校将依法向有关部门办理居留登记，并协助安排住宿。\n\n请领事机关为此次来访签发所需签证。'
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
