import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contentFieldNames, readContentForm, type ContentFormInput } from '$lib/content-form';
import { CONTENT_FORMS, CONTENT_KINDS, type ContentKind } from '$lib/content-kinds';
import { LOCALES } from '$lib/i18n/locales';
import { documentInputFromForm, documentInputSchema } from '$lib/server/news/document-editing.service';
import { EVENT_REQUIRED_FIELDS, eventInputFromForm, eventInputSchema } from '$lib/server/news/event-editing.service';
import { faqInputFromForm, faqInputSchema } from '$lib/server/news/faq-editing.service';
import { NEWS_REQUIRED_FIELDS, newsInputFromForm, newsInputSchema } from '$lib/server/news/news-editing.service';
import { AppError } from '$lib/server/platform/errors';
import { parseInput } from '$lib/server/platform/validation';
import { PROGRAMME_REQUIRED_FIELDS, programmeInputFromForm, programmeInputSchema } from '$lib/server/programmes/programme-editing.service';
import { SCHOLARSHIP_REQUIRED_FIELDS, scholarshipInputFromForm, scholarshipInputSchema } from '$lib/server/scholarships/scholarship-editing.service';

/**
 * The posted form of every content kind read by its form spec, and the spec checked against the
 * service's schema, so the fields declared in $lib/content-kinds.ts and in each service cannot
 * drift apart. The expected inputs are what the hand-written readers gave before
 * `readContentForm` replaced them.
 */

/** Each kind's exported reader (registered at boot) and the generic one must give the same. */

const EXPORTED_READERS: Record<ContentKind, (input: Record<string, string>) => unknown> = {
	news: newsInputFromForm,
	events: eventInputFromForm,
	faq: faqInputFromForm,
	documents: documentInputFromForm,
	scholarships: scholarshipInputFromForm,
	programmes: programmeInputFromForm
};

/** Each kind's input schema (the service validates what the reader gives with it). */
const SCHEMAS = {
	news: newsInputSchema,
	events: eventInputSchema,
	faq: faqInputSchema,
	documents: documentInputSchema,
	scholarships: scholarshipInputSchema,
	programmes: programmeInputSchema
} satisfies Record<ContentKind, unknown>;

/** Validates as the service does: the data, or the AppError it throws. Anything else thrown fails the test. */
function validate(kind: ContentKind, input: unknown) {
	try {
		return parseInput(SCHEMAS[kind], input);
	} catch (err) {
		if (err instanceof AppError && err.code === 'invalid_input') return err;
		throw err;
	}
}

const none = { en: '', ru: '', kk: '', zh: '' };

/** A filled form of each kind, and what its reader gives the service. */
const FILLED: Record<ContentKind, { form: Record<string, string>; input: Record<string, unknown> }> = {
	news: {
		form: { slug: 'open-day', 'title.en': 'Open day', 'title.ru': 'День открытых дверей', 'summary.en': 'Come', 'body.zh': '欢迎', version: '3', revision: '2', intent: 'save' },
		input: { slug: 'open-day', title: { en: 'Open day', ru: 'День открытых дверей', kk: '', zh: '' }, summary: { ...none, en: 'Come' }, body: { ...none, zh: '欢迎' } }
	},
	events: {
		form: { slug: 'fair', kind: 'conference', startsOn: '2027-03-01', endsOn: '2027-03-02', online: 'on', countryCode: 'kz', url: 'https://example.org', 'title.en': 'Fair', 'summary.en': 'A fair', 'city.kk': 'Алматы' },
		input: {
			slug: 'fair',
			kind: 'conference',
			startsOn: '2027-03-01',
			endsOn: '2027-03-02',
			online: 'on',
			countryCode: 'kz',
			url: 'https://example.org',
			title: { ...none, en: 'Fair' },
			summary: { ...none, en: 'A fair' },
			city: { ...none, kk: 'Алматы' }
		}
	},
	faq: {
		form: { slug: 'visa', position: '5', 'question.en': 'Visa?', 'answer.en': 'Yes.' },
		input: { slug: 'visa', position: '5', question: { ...none, en: 'Visa?' }, answer: { ...none, en: 'Yes.' } }
	},
	documents: {
		form: { slug: 'leaflet-2027', kind: 'leaflet', language: 'fr', url: 'https://example.org/a.pdf', publishedOn: '2027-01-15', 'title.en': 'Leaflet' },
		input: { slug: 'leaflet-2027', kind: 'leaflet', language: 'fr', url: 'https://example.org/a.pdf', publishedOn: '2027-01-15', title: { ...none, en: 'Leaflet' } }
	},
	scholarships: {
		form: {
			slug: 'grant',
			levels: 'bachelor,master',
			fields: '06',
			covers: 'tuition,,stipend',
			stipend: '500',
			stipendCurrency: 'eur',
			eligibleNationalities: 'KZ, UZ',
			excludedNationalities: 'FR',
			applicationDeadline: '2027-05-01',
			url: 'https://example.org/grant',
			sourceUrl: 'https://example.org/source',
			verifiedOn: '2026-12-01',
			unverified: 'on',
			'name.en': 'Grant',
			'provider.ru': 'Фонд',
			'summary.en': 'Money'
		},
		input: {
			slug: 'grant',
			levels: ['bachelor', 'master'],
			fields: ['06'],
			covers: ['tuition', 'stipend'],
			stipend: '500',
			stipendCurrency: 'eur',
			eligibleNationalities: 'KZ, UZ',
			excludedNationalities: 'FR',
			applicationDeadline: '2027-05-01',
			url: 'https://example.org/grant',
			sourceUrl: 'https://example.org/source',
			verifiedOn: '2026-12-01',
			unverified: 'on',
			name: { ...none, en: 'Grant' },
			provider: { ...none, ru: 'Фонд' },
			summary: { ...none, en: 'Money' }
		}
	},
	programmes: {
		form: {
			slug: 'msc-ai',
			level: 'master',
			iscedCode: '0613',
			languages: 'en, ru',
			durationMonths: '24',
			credits: '120',
			tuitionAmount: '3 000',
			tuitionCurrency: 'usd',
			startTerms: 'autumn,spring',
			applicationOpens: '2027-01-01',
			applicationDeadline: '2027-06-01',
			'title.en': 'AI',
			'summary.zh': '人工智能'
		},
		input: {
			slug: 'msc-ai',
			level: 'master',
			iscedCode: '0613',
			languages: 'en, ru',
			durationMonths: '24',
			credits: '120',
			tuitionAmount: '3 000',
			tuitionCurrency: 'usd',
			startTerms: ['autumn', 'spring'],
			applicationOpens: '2027-01-01',
			applicationDeadline: '2027-06-01',
			title: { ...none, en: 'AI' },
			summary: { ...none, zh: '人工智能' }
		}
	}
};

/** What each reader gives for an empty form (nothing sent, boxes unticked). */
const EMPTY: Record<ContentKind, Record<string, unknown>> = {
	news: { slug: '', title: none, summary: none, body: none },
	events: { slug: '', kind: '', startsOn: '', endsOn: '', online: '', countryCode: '', url: '', title: none, summary: none, city: none },
	faq: { slug: '', position: '100', question: none, answer: none },
	documents: { slug: '', kind: '', language: '', url: '', publishedOn: '', title: none },
	scholarships: {
		slug: '',
		levels: [],
		fields: [],
		covers: [],
		stipend: '',
		stipendCurrency: '',
		eligibleNationalities: '',
		excludedNationalities: '',
		applicationDeadline: '',
		url: '',
		sourceUrl: '',
		verifiedOn: '',
		unverified: '',
		name: none,
		provider: none,
		summary: none
	},
	programmes: {
		slug: '',
		level: '',
		iscedCode: '',
		languages: '',
		durationMonths: '',
		credits: '',
		tuitionAmount: '',
		tuitionCurrency: '',
		startTerms: [],
		applicationOpens: '',
		applicationDeadline: '',
		title: none,
		summary: none
	}
};

const KINDS = [...CONTENT_KINDS];

/** Reads with the kind's exported reader, after checking the generic one reads the same. */
const READERS = Object.fromEntries(
	KINDS.map((kind) => [
		kind,
		(form: Record<string, string>) => {
			const input = readContentForm(kind, form);
			expect(EXPORTED_READERS[kind](form)).toEqual(input);
			expect(readContentForm(CONTENT_FORMS[kind], form)).toEqual(input);
			return input;
		}
	])
) as Record<ContentKind, (form: Record<string, string>) => ContentFormInput>;

describe('reading a content form', () => {
	it.each(KINDS)('%s: reads every field of a filled form, and nothing else', (kind) => {
		expect(READERS[kind](FILLED[kind].form)).toEqual(FILLED[kind].input);
	});

	it.each(KINDS)('%s: a form with nothing sent reads as blanks, empty lists and unticked boxes', (kind) => {
		expect(READERS[kind]({})).toEqual(EMPTY[kind]);
	});

	it.each(KINDS)('%s: blank values stay blank (FAQ: a blank position is the default)', (kind) => {
		const blank = Object.fromEntries(Object.keys(FILLED[kind].form).map((k) => [k, '']));
		expect(READERS[kind](blank)).toEqual(EMPTY[kind]);
	});

	it.each(KINDS)('%s: unticked boxes read as off, ticked ones as on', (kind) => {
		const data = validate(kind, READERS[kind](FILLED[kind].form));
		expect(data).not.toBeInstanceOf(AppError);
		if (kind === 'events') {
			expect(validate(kind, READERS[kind]({ ...FILLED[kind].form, online: '' }))).toMatchObject({ online: false });
			expect(validate(kind, READERS[kind]({ ...FILLED[kind].form, online: 'on' }))).toMatchObject({ online: true });
			const { online: _online, ...unticked } = FILLED[kind].form;
			expect(validate(kind, READERS[kind](unticked))).toMatchObject({ online: false });
		}
		if (kind === 'scholarships') {
			const { unverified: _unverified, fields: _fields, ...unticked } = FILLED[kind].form;
			expect(validate(kind, READERS[kind](unticked))).toMatchObject({ unverified: false, fields: [] });
		}
	});

	it.each(KINDS)('%s: keys that are not its fields or languages are ignored', (kind) => {
		// Built with fromEntries so that `__proto__` is a key of its own, as a hostile client could send.
		const hostile = Object.fromEntries([
			['__proto__', 'x'],
			['constructor', 'x'],
			['toString', 'x'],
			['hasOwnProperty', 'x'],
			['title.__proto__', '{"polluted":true}'],
			['title.constructor', 'x'],
			['title.fr', 'French'],
			['title.EN', 'upper'],
			['title.', 'x'],
			['title', 'flat'],
			['title.en.extra', 'x'],
			['__proto__.en', 'x'],
			['slug.en', 'x'],
			['.en', 'x']
		]);
		expect(READERS[kind](hostile)).toEqual(EMPTY[kind]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(validate(kind, READERS[kind](hostile))).toBeInstanceOf(AppError);
	});

	it.each(KINDS)('%s: very long values are read as sent and refused by validation, not thrown', (kind) => {
		const long = 'a'.repeat(200_000);
		const form = Object.fromEntries(Object.keys(FILLED[kind].form).map((k) => [k, long]));
		const input = READERS[kind](form);
		for (const [key, value] of Object.entries(input)) {
			if (typeof value === 'string') expect(value, key).toBe(long);
		}
		expect(validate(kind, input)).toBeInstanceOf(AppError);
	});

	it.each(KINDS)('%s: a filled form passes validation', (kind) => {
		expect(validate(kind, READERS[kind](FILLED[kind].form))).not.toBeInstanceOf(AppError);
	});
});

describe('reading a form by any spec', () => {
	const spec = {
		plain: [
			{ name: 'n', label: 'field_position', type: 'number', ifBlank: '7' },
			{ name: 'tags', label: 'filter_level', type: 'checkboxes' },
			{ name: 'ok', label: 'field_online', type: 'checkbox' }
		],
		translated: [{ name: 'title', label: 'field_title', type: 'text' }]
	} as const satisfies Parameters<typeof readContentForm>[0];

	it('reads lists, defaults and texts per language, and nothing else', () => {
		expect(readContentForm(spec, { n: '', tags: ',a,,b,', ok: 'on', 'title.kk': 'Атауы', other: 'x' })).toEqual({ n: '7', tags: ['a', 'b'], ok: 'on', title: { en: '', ru: '', kk: 'Атауы', zh: '' } });
		expect(readContentForm(spec, { n: '0', tags: '', ok: '' })).toEqual({ n: '0', tags: [], ok: '', title: { en: '', ru: '', kk: '', zh: '' } });
	});

	it('reads only the form’s own text values, whatever else a caller passes', () => {
		const odd = Object.assign(Object.create({ n: 'inherited', 'title.en': 'inherited' }), { tags: 42, ok: null, 'title.ru': ['x'] }) as Record<string, string>;
		expect(readContentForm(spec, odd)).toEqual({ n: '7', tags: [], ok: '', title: { en: '', ru: '', kk: '', zh: '' } });
		expect(readContentForm(spec, Object.create(null))).toEqual({ n: '7', tags: [], ok: '', title: { en: '', ru: '', kk: '', zh: '' } });
		expect(readContentForm(spec, null as unknown as Record<string, string>)).toEqual({ n: '7', tags: [], ok: '', title: { en: '', ru: '', kk: '', zh: '' } });
	});
});

/** The enum a field's schema chooses from (through lists, optionals and transforms), if any. */
function enumOptions(schema: z.core.$ZodType): string[] | null {
	if (schema instanceof z.ZodEnum) return schema.options.map(String);
	if (schema instanceof z.ZodArray) return enumOptions(schema.element);
	if (schema instanceof z.ZodPipe) return enumOptions(schema.in);
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return enumOptions(schema.unwrap());
	return null;
}

const isLocalized = (schema: z.core.$ZodType) => schema instanceof z.ZodObject && [...Object.keys(schema.shape)].sort().join() === [...LOCALES].sort().join();

describe('the form spec and the service schema name the same fields', () => {
	it.each(KINDS)('%s: every field of the schema is in the spec, and every field of the spec in the schema', (kind) => {
		const names = contentFieldNames(kind);
		const all = [...names.plain, ...names.translated];
		expect(new Set(all).size, 'a field named twice in the spec').toBe(all.length);
		expect([...all].sort()).toEqual(Object.keys(SCHEMAS[kind].shape).sort());
		expect(names.plain[0]).toBe('slug');
		expect(CONTENT_FORMS[kind].plain[0]!.type).toBe('text');
	});

	it.each(KINDS)('%s: translated fields are texts per language in the schema, plain ones are not', (kind) => {
		const shape = SCHEMAS[kind].shape as Record<string, z.core.$ZodType>;
		const names = contentFieldNames(kind);
		for (const name of names.translated) expect(isLocalized(shape[name]!), name).toBe(true);
		for (const name of names.plain) expect(isLocalized(shape[name]!), name).toBe(false);
	});

	it.each(KINDS)('%s: the options of choices are the schema’s, and boxes read as the schema expects', (kind) => {
		const shape = SCHEMAS[kind].shape as Record<string, z.ZodType>;
		for (const field of CONTENT_FORMS[kind].plain) {
			const schema = shape[field.name]!;
			if (field.type === 'select' || field.type === 'checkboxes') expect(field.options?.map((o) => o.value).sort(), field.name).toEqual(enumOptions(schema)?.sort());
			else expect(field.options, field.name).toBeUndefined();
			// A group of boxes is read as a list: the schema takes a list and no text; a tick box's schema makes 'on' and '' booleans.
			const typeError = (value: unknown) => schema.safeParse(value).error?.issues.some((i) => i.code === 'invalid_type') ?? false;
			expect(field.type === 'checkboxes', `${field.name} is a group of boxes`).toBe(!typeError([]) && !typeError(['x']) && typeError('x'));
			expect(field.type === 'checkbox', `${field.name} is a tick box`).toBe(schema.safeParse('on').data === true && schema.safeParse('').data === false);
		}
	});

	it.each(KINDS)('%s: the title and the required texts are translated fields', (kind) => {
		const required: Partial<Record<ContentKind, readonly string[]>> = { news: NEWS_REQUIRED_FIELDS, events: EVENT_REQUIRED_FIELDS, scholarships: SCHOLARSHIP_REQUIRED_FIELDS, programmes: PROGRAMME_REQUIRED_FIELDS };
		const { translated } = contentFieldNames(kind);
		expect(translated).toContain(CONTENT_FORMS[kind].titleField);
		for (const name of required[kind] ?? []) expect(translated).toContain(name);
	});
});
