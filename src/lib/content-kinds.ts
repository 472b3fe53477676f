import type { MessageKey } from '$lib/i18n/messages';
import { ISCED_BROAD_FIELDS, PROGRAMME_LEVELS, START_TERMS } from '$lib/programmes/taxonomy';

/**
 * The content types editors manage in the workspace with the shared editorial workflow, and
 * how their forms look. Shared by the server (which reads the posted form by it,
 * $lib/content-form.ts, and validates) and the pages (which render).
 */
export const CONTENT_KINDS = ['news', 'events', 'faq', 'documents', 'scholarships', 'programmes'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export function isContentKind(value: unknown): value is ContentKind {
	return typeof value === 'string' && (CONTENT_KINDS as readonly string[]).includes(value);
}

/**
 * A field that is not translated. Its name is the key in the service's input and schema (a unit
 * test compares them, $lib/content-form.test.ts); `$lib/content-form.ts` reads it by its type.
 */
export interface PlainFieldSpec {
	name: string;
	label: MessageKey;
	/**
	 * `checkboxes`: several of `options` (sent as a comma-joined list, read as an array); `checkbox`:
	 * 'on' or nothing; the others are read as the text sent (the service's schema converts it).
	 */
	type: 'text' | 'date' | 'url' | 'number' | 'checkbox' | 'select' | 'checkboxes';
	help?: MessageKey;
	options?: { value: string; label: MessageKey }[];
	/** What a missing or blank field is read as (otherwise ''). */
	ifBlank?: string;
}

/** A translated field: a text per UI language, posted as `name.en`, `name.ru`… and read as { en, ru, kk, zh }. */
export interface TranslatedFieldSpec {
	name: string;
	label: MessageKey;
	type: 'text' | 'textarea';
	rows?: number;
	help?: MessageKey;
}

/** A link on a type's list page beside "new" (imports, exports), shown to those who may do it. */
export interface ContentTool {
	/** Relative to the list page. */
	href: string;
	label: MessageKey;
	needs: 'content.edit' | 'content.translate';
	download?: boolean;
}

export interface ContentForm {
	/** Page titles and labels. */
	title: MessageKey;
	/** The translated field that names an item (its heading in lists and the editor). */
	titleField: string;
	tools?: ContentTool[];
	newItem: MessageKey;
	empty: MessageKey;
	/** The public page of an item, without the locale (FAQ: on the profile, `institution` given). */
	publicPath: (slug: string, institution: string) => string;
	/** Whether a publication time can be set (the type has a publication date). */
	schedulable: boolean;
	/** In form order, `slug` (a text) first. Also the workflow's plain and translated fields (content-form.ts, `contentFieldNames`). */
	plain: PlainFieldSpec[];
	translated: TranslatedFieldSpec[];
}

/** The options of select fields, shared with the services' schemas (which import them from here). */
export const EVENT_KINDS = ['conference', 'training', 'study_tour', 'meeting', 'open_day', 'webinar'] as const;
export const DOCUMENT_KINDS = ['leaflet', 'poster', 'report', 'guide', 'presentation'] as const;
/** Languages a document itself can be in (ISO 639-1): the UI languages and the partners' others. */
export const DOCUMENT_LANGUAGES = ['en', 'ru', 'kk', 'zh', 'es', 'fr', 'pt', 'sv', 'de'] as const;
export const SCHOLARSHIP_COVER_OPTIONS = ['tuition', 'stipend', 'housing', 'insurance', 'travel'] as const;

export const CONTENT_FORMS: Record<ContentKind, ContentForm> = {
	news: {
		titleField: 'title',
		title: 'workspace_news',
		newItem: 'news_new',
		empty: 'news_empty',
		publicPath: (slug) => `/news/${slug}`,
		schedulable: true,
		plain: [{ name: 'slug', label: 'field_slug', type: 'text', help: 'news_slug_help' }],
		translated: [
			{ name: 'title', label: 'field_title', type: 'text' },
			{ name: 'summary', label: 'field_summary', type: 'textarea', rows: 3 },
			{ name: 'body', label: 'field_body', type: 'textarea', rows: 12, help: 'field_body_help' }
		]
	},
	events: {
		titleField: 'title',
		title: 'workspace_events',
		newItem: 'events_new',
		empty: 'events_empty',
		publicPath: (slug) => `/events/${slug}`,
		schedulable: false,
		plain: [
			{ name: 'slug', label: 'field_slug', type: 'text', help: 'events_slug_help' },
			{ name: 'kind', label: 'field_event_kind', type: 'select', options: EVENT_KINDS.map((k) => ({ value: k, label: `event_kind_${k}` as MessageKey })) },
			{ name: 'startsOn', label: 'field_starts_on', type: 'date' },
			{ name: 'endsOn', label: 'field_ends_on', type: 'date' },
			{ name: 'online', label: 'field_online', type: 'checkbox' },
			{ name: 'countryCode', label: 'field_country_code', type: 'text', help: 'field_country_code_help' },
			{ name: 'url', label: 'field_event_url', type: 'url' }
		],
		translated: [
			{ name: 'title', label: 'field_title', type: 'text' },
			{ name: 'summary', label: 'field_summary', type: 'textarea', rows: 4 },
			{ name: 'city', label: 'field_city', type: 'text' }
		]
	},
	faq: {
		titleField: 'question',
		title: 'workspace_faq',
		newItem: 'faq_new',
		empty: 'faq_empty',
		publicPath: (slug, institution) => `/institutions/${institution}#faq-${slug}`,
		schedulable: false,
		plain: [
			{ name: 'slug', label: 'field_slug', type: 'text', help: 'faq_slug_help' },
			{ name: 'position', label: 'field_position', type: 'number', help: 'field_position_help', ifBlank: '100' }
		],
		translated: [
			{ name: 'question', label: 'field_question', type: 'text' },
			{ name: 'answer', label: 'field_answer', type: 'textarea', rows: 8, help: 'field_body_help' }
		]
	},
	documents: {
		titleField: 'title',
		title: 'workspace_documents',
		newItem: 'documents_new',
		empty: 'documents_empty',
		publicPath: () => '/documents',
		schedulable: false,
		plain: [
			{ name: 'slug', label: 'field_slug', type: 'text', help: 'faq_slug_help' },
			{ name: 'kind', label: 'documents_kind', type: 'select', options: DOCUMENT_KINDS.map((k) => ({ value: k, label: `doc_${k}` as MessageKey })) },
			{ name: 'language', label: 'documents_language', type: 'select', options: DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: `language_${l}` as MessageKey })) },
			{ name: 'url', label: 'field_document_url', type: 'text', help: 'field_document_url_help' },
			{ name: 'publishedOn', label: 'field_published_on', type: 'date' }
		],
		translated: [{ name: 'title', label: 'field_title', type: 'text' }]
	},
	scholarships: {
		titleField: 'name',
		title: 'workspace_scholarships',
		newItem: 'scholarships_new',
		empty: 'scholarships_empty',
		publicPath: (slug) => `/scholarships/${slug}`,
		schedulable: false,
		plain: [
			{ name: 'slug', label: 'field_slug', type: 'text', help: 'events_slug_help' },
			{ name: 'levels', label: 'filter_level', type: 'checkboxes', options: PROGRAMME_LEVELS.map((l) => ({ value: l, label: `level_${l}` as MessageKey })) },
			{ name: 'fields', label: 'filter_field', type: 'checkboxes', help: 'scholarship_fields_help', options: ISCED_BROAD_FIELDS.map((f) => ({ value: f, label: `isced_${f}` as MessageKey })) },
			{ name: 'covers', label: 'scholarship_covers', type: 'checkboxes', options: SCHOLARSHIP_COVER_OPTIONS.map((c) => ({ value: c, label: `cover_${c}` as MessageKey })) },
			{ name: 'stipend', label: 'field_stipend', type: 'number', help: 'field_stipend_help' },
			{ name: 'stipendCurrency', label: 'field_stipend_currency', type: 'text', help: 'field_stipend_currency_help' },
			{ name: 'eligibleNationalities', label: 'field_eligible_nationalities', type: 'text', help: 'field_eligible_nationalities_help' },
			{ name: 'excludedNationalities', label: 'field_excluded_nationalities', type: 'text', help: 'field_excluded_nationalities_help' },
			{ name: 'applicationDeadline', label: 'scholarship_deadline', type: 'date' },
			{ name: 'url', label: 'scholarship_official_page', type: 'url' },
			{ name: 'sourceUrl', label: 'field_source_url', type: 'url' },
			{ name: 'verifiedOn', label: 'field_verified_on', type: 'date' },
			{ name: 'unverified', label: 'field_unverified_fact', type: 'checkbox' }
		],
		translated: [
			{ name: 'name', label: 'field_scholarship_name', type: 'text' },
			{ name: 'provider', label: 'field_provider', type: 'text' },
			{ name: 'summary', label: 'field_summary', type: 'textarea', rows: 4 }
		]
	},
	programmes: {
		titleField: 'title',
		title: 'workspace_programmes',
		newItem: 'programmes_new',
		empty: 'programmes_empty',
		tools: [
			{ href: 'import', label: 'import_programmes', needs: 'content.edit' },
			{ href: 'export/programmes.xlsx', label: 'export_xlsx', needs: 'content.translate', download: true },
			{ href: 'export/programmes.csv', label: 'export_csv', needs: 'content.translate', download: true }
		],
		publicPath: (slug, institution) => `/institutions/${institution}/programmes/${slug}`,
		schedulable: false,
		plain: [
			{ name: 'slug', label: 'field_slug', type: 'text', help: 'faq_slug_help' },
			{ name: 'level', label: 'programme_level', type: 'select', options: PROGRAMME_LEVELS.map((l) => ({ value: l, label: `level_${l}` as MessageKey })) },
			{ name: 'iscedCode', label: 'field_isced_code', type: 'text', help: 'field_isced_code_help' },
			{ name: 'languages', label: 'programme_languages', type: 'text', help: 'factsheet_languages_help' },
			{ name: 'durationMonths', label: 'field_duration_months', type: 'number' },
			{ name: 'credits', label: 'programme_credits', type: 'number', help: 'field_credits_help' },
			{ name: 'tuitionAmount', label: 'programme_tuition', type: 'number', help: 'field_tuition_help' },
			{ name: 'tuitionCurrency', label: 'field_tuition_currency', type: 'text', help: 'field_stipend_currency_help' },
			{ name: 'startTerms', label: 'programme_start', type: 'checkboxes', options: START_TERMS.map((t) => ({ value: t, label: `term_${t}` as MessageKey })) },
			{ name: 'applicationOpens', label: 'field_application_opens', type: 'date' },
			{ name: 'applicationDeadline', label: 'field_application_deadline', type: 'date' }
		],
		translated: [
			{ name: 'title', label: 'field_title', type: 'text' },
			{ name: 'summary', label: 'field_summary', type: 'textarea', rows: 4 }
		]
	}
};
