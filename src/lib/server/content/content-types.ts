import type { ContentKind } from '$lib/content-kinds';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import type { LocalizedText } from '$lib/i18n/localized-text';
import type { ServiceContext } from '../platform/context';
import type { editableContent } from './editorial';

/**
 * What the content modules contribute to the engine, registered at boot (boot/registry.ts), as
 * search sources and jobs are: the engine (the workspace lists and editor, the dashboard, the
 * translators' list, the export) imports no content type, and the types import the engine.
 */

/** The workflow functions of any content type, seen without its particular fields. */
export type EditableService = ReturnType<typeof editableContent<{ slug: string }>>;

/** A type edited with the workflow (forms: $lib/content-kinds.ts). */
export interface ContentTypeRegistration {
	kind: ContentKind;
	service: EditableService;
	/** The editor's form fields → the service's input. */
	inputFromForm(input: Record<string, string>): unknown;
	/** Its rows in the institution's export, when not the rows with their newest draft (the workflow's default). */
	exportRows?(ctx: ServiceContext, institutionId: string): Promise<unknown[]>;
}

/** Per language, which texts are missing and which need review. */
export type TranslationGaps = Record<Locale, { missing: string[]; stale: string[] }>;

export const gapsByLocale = (gapsIn: (locale: Locale) => { missing: string[]; stale: string[] }) =>
	Object.fromEntries(LOCALES.map((locale) => [locale, gapsIn(locale)])) as TranslationGaps;

/** What translators' lists name a piece of work by (each has a label in the UI). */
export type TranslationWorkType = 'profile' | 'factsheet' | 'costs' | ContentKind;

/** One thing translators may have to work on. */
export interface TranslationWork {
	type: TranslationWorkType;
	id: string;
	title: LocalizedText;
	gaps: TranslationGaps;
}

/** Something else an institution keeps (its profile, factsheet, prices, media library). */
export interface InstitutionContentSection {
	/** Its key in the export. */
	key: string;
	/** Its part of the institution's export (authorized by the export, `content.edit`). */
	export(ctx: ServiceContext, institutionId: string): Promise<unknown>;
	/** Its texts with missing or outdated translations from the institution's own language, if it has translated texts. */
	translationWork?(ctx: ServiceContext, institutionId: string, sourceLocale: Locale): Promise<TranslationWork[]>;
}

const types = new Map<ContentKind, ContentTypeRegistration>();
const sections: InstitutionContentSection[] = [];

export function registerContentType(registration: ContentTypeRegistration) {
	types.set(registration.kind, registration);
}

export function registerInstitutionContent(section: InstitutionContentSection) {
	if (!sections.some((s) => s.key === section.key)) sections.push(section);
}

/** The service and form reader of a workspace content type. */
export function editable(kind: ContentKind): ContentTypeRegistration {
	const registration = types.get(kind);
	if (!registration) throw new Error(`content type ${kind} is not registered (boot/registry.ts)`);
	return registration;
}

export const contentTypes = () => [...types.values()];
export const institutionSections = () => [...sections];
