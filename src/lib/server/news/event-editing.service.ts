import { z } from 'zod';
import { contentFieldNames, readContentForm } from '$lib/content-form';
import { EVENT_KINDS } from '$lib/content-kinds';
import { isCountryCode } from '$lib/i18n/countries';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { editableContent, type Snapshot } from '../content/editorial';
import { checkboxInput, isoDateInput, localizedInput, slugInput } from '../editing/content-inputs';
import { invalidInput } from '../platform/errors';
import { parseInput } from '../platform/validation';
import { removeFromIndex } from '../search/search.service';
import { indexEvent } from './news.search';
import { event } from './news.tables';

/** Editing an institution's events with the shared editorial workflow (content/editorial.ts). */
const FIELDS = contentFieldNames('events');
/** Its fields are the form spec's ($lib/content-kinds.ts), in form order. */
export const EVENT_TRANSLATED_FIELDS = FIELDS.translated;
export const EVENT_REQUIRED_FIELDS = ['title', 'summary'] as const;

export interface EventData {
	slug: string;
	kind: (typeof EVENT_KINDS)[number];
	startsOn: string;
	endsOn: string;
	online: boolean;
	countryCode: string | null;
	url: string | null;
	title: LocalizedText;
	summary: LocalizedText;
	city: LocalizedText;
}
export type EventSnapshot = Snapshot<EventData>;

/** Its keys are the form spec's fields ($lib/content-form.test.ts compares them). */
export const eventInputSchema = z.object({
	slug: slugInput,
	kind: z.enum(EVENT_KINDS, 'error_choose_one'),
	startsOn: isoDateInput,
	endsOn: isoDateInput,
	online: checkboxInput,
	countryCode: z
		.string()
		.trim()
		.toUpperCase()
		.refine((v) => v === '' || isCountryCode(v), 'error_country_invalid'),
	url: z
		.string()
		.trim()
		.max(300, 'error_too_long')
		.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'error_url_invalid'),
	title: localizedInput(200),
	summary: localizedInput(1000),
	city: localizedInput(100)
});

/** The editor's form (flat fields, `title.en`…) read by the form spec. */
export function eventInputFromForm(input: Record<string, string>) {
	return readContentForm('events', input);
}

const events = editableContent<EventData>({
	entityType: 'event',
	table: event,
	translated: EVENT_TRANSLATED_FIELDS,
	required: EVENT_REQUIRED_FIELDS,
	sourceRequired: 'title',
	plain: FIELDS.plain,
	parse(input) {
		const data = parseInput(eventInputSchema, input);
		if (data.endsOn < data.startsOn) throw invalidInput({ endsOn: 'error_import_dates_order' });
		return {
			slug: data.slug,
			kind: data.kind,
			startsOn: data.startsOn,
			endsOn: data.endsOn,
			online: data.online,
			countryCode: data.countryCode || null,
			url: data.url || null,
			title: cleanLocalizedText(data.title),
			summary: cleanLocalizedText(data.summary),
			city: cleanLocalizedText(data.city)
		};
	},
	fromRow: (row) => ({
		slug: row.slug,
		kind: row.kind as EventData['kind'],
		startsOn: row.startsOn as string,
		endsOn: row.endsOn as string,
		online: row.online as boolean,
		countryCode: (row.countryCode as string | null) ?? null,
		url: (row.url as string | null) ?? null,
		title: row.title as LocalizedText,
		summary: row.summary as LocalizedText,
		city: row.city as LocalizedText
	}),
	toRow: (data) => ({ ...data }),
	listOrder: event.startsOn,
	index: (ctx, row) => indexEvent(ctx, row as unknown as typeof event.$inferSelect),
	unindex: (ctx, row) => removeFromIndex(ctx, `/events/${row.slug}`)
});

export const eventEditing = events;
