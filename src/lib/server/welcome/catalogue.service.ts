import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES, type Locale } from '$lib/i18n/locales';
import { cleanLocalizedText } from '$lib/i18n/localized-text';
import type { MessageKey } from '$lib/i18n/messages';
import { AUDIENCES, MAX_DOCUMENTS, MAX_QUESTIONS, QUESTION_KEY, QUESTION_TYPES, type DocumentRequest, type Question, type QuestionType } from '$lib/welcome/service-form';
import { authorizeInstitution, canInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { localizedInput, translatedFromForm } from '../editing/content-inputs';
import { invalidatePages } from '../http-cache/page-cache';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type Platform, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, notFound, staleEdit } from '../platform/errors';
import { formRowIndexes, listFromForm, parseInput, isUuid } from '../platform/validation';
import { DEMO_CATALOGUE } from './catalogue.data';
import { welcomeService } from './catalogue.tables';

/**
 * The welcome centre's service catalogue of one institution: its admins decide which
 * services it offers, to whom, what each needs and how fast it is answered; its staff and the
 * public read it. Every change is audited and locked against concurrent saves.
 */
export type CatalogueService = typeof welcomeService.$inferSelect;

async function sourceLocaleOf(ctx: ServiceContext, institutionId: string): Promise<Locale> {
	const [owner] = await ctx.db.select({ defaultLocale: institutionDirectory.defaultLocale }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
	if (!owner) throw notFound();
	return owner.defaultLocale as Locale;
}

/** Every service of the institution, inactive ones included (its admins and staff). */
export async function listCatalogue(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	return ctx.db.select().from(welcomeService).where(eq(welcomeService.institutionId, institutionId)).orderBy(asc(welcomeService.position), asc(welcomeService.code));
}

/** The services on offer, for the public profile (and, later, the request form). */
export async function publicCatalogue(ctx: ServiceContext, institutionId: string) {
	return ctx.db
		.select()
		.from(welcomeService)
		.where(and(eq(welcomeService.institutionId, institutionId), eq(welcomeService.active, true)))
		.orderBy(asc(welcomeService.position), asc(welcomeService.code));
}

export async function getCatalogueService(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	if (!isUuid(id)) throw notFound();
	const [row] = await ctx.db.select().from(welcomeService).where(and(eq(welcomeService.id, id), eq(welcomeService.institutionId, institutionId)));
	if (!row) throw notFound();
	return { ...row, canConfigure: canInstitution(ctx.actor, 'welcome.configure', institutionId), sourceLocale: await sourceLocaleOf(ctx, institutionId) };
}

const basicsSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[a-z][a-z0-9_]{1,39}$/, 'error_rule_code'),
	name: localizedInput(200),
	description: localizedInput(3000),
	audiences: z.array(z.enum(AUDIENCES, 'error_choose_one')).min(1, 'error_choose_at_least_one'),
	turnaroundDays: z
		.string()
		.trim()
		.refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 90, 'error_turnaround')
		.transform(Number),
	position: z
		.string()
		.trim()
		.refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) <= 10_000), 'error_number_range')
		.transform((v) => (v === '' ? 0 : Number(v))),
	active: z.string().optional().transform((v) => v === 'on'),
	version: z.coerce.number().int().min(0)
});

const texts = (input: Record<string, string>, name: string) => cleanLocalizedText(Object.fromEntries(LOCALES.map((l) => [l, (input[`${name}.${l}`] ?? '').slice(0, 500)])));

/**
 * Reads the questions and documents designed in the form. A row with no key and no label is
 * an unused blank row; a row marked "remove" is dropped. Errors are keyed by the row's fields.
 */
export function readDesign(input: Record<string, string>, sourceLocale: Locale) {
	const errors: Record<string, MessageKey> = {};
	const questions: Question[] = [];
	const documents: DocumentRequest[] = [];
	const keys = new Set<string>();
	const checkKey = (field: string, key: string) => {
		if (!QUESTION_KEY.test(key)) errors[field] = 'error_question_key';
		else if (keys.has(key)) errors[field] = 'error_import_duplicate';
		keys.add(key);
	};
	for (const i of formRowIndexes(input, 'q')) {
		const p = `q.${i}`;
		const key = (input[`${p}.key`] ?? '').trim();
		const label = texts(input, `${p}.label`);
		if (input[`${p}.remove`] === 'on' || (!key && !Object.keys(label).length)) continue;
		checkKey(`${p}.key`, key);
		const type = (input[`${p}.type`] ?? '') as QuestionType;
		if (!(QUESTION_TYPES as readonly string[]).includes(type)) errors[`${p}.type`] = 'error_choose_one';
		if (!label[sourceLocale]) errors[`${p}.label.${sourceLocale}`] = 'error_required';
		const lines = Object.fromEntries(LOCALES.map((l) => [l, (input[`${p}.choices.${l}`] ?? '').split('\n').map((s) => s.trim())]));
		const count = lines[sourceLocale]!.filter(Boolean).length;
		const choices = type === 'select' ? Array.from({ length: count }, (_, n) => cleanLocalizedText(Object.fromEntries(LOCALES.map((l) => [l, lines[l]!.filter(Boolean)[n] ?? ''])))) : [];
		if (type === 'select' && count < 2) errors[`${p}.choices.${sourceLocale}`] = 'error_choices_needed';
		questions.push({ key, type, required: input[`${p}.required`] === 'on', label, help: texts(input, `${p}.help`), choices });
	}
	for (const i of formRowIndexes(input, 'd')) {
		const p = `d.${i}`;
		const key = (input[`${p}.key`] ?? '').trim();
		const label = texts(input, `${p}.label`);
		if (input[`${p}.remove`] === 'on' || (!key && !Object.keys(label).length)) continue;
		checkKey(`${p}.key`, key);
		if (!label[sourceLocale]) errors[`${p}.label.${sourceLocale}`] = 'error_required';
		documents.push({ key, required: input[`${p}.required`] === 'on', label });
	}
	if (questions.length > MAX_QUESTIONS) errors['q'] = 'error_too_many_questions';
	if (documents.length > MAX_DOCUMENTS) errors['d'] = 'error_too_many_questions';
	return { questions, documents, errors };
}

/** Creates (`id` null) or saves a service (institution admins), with its designed questions. */
export async function saveCatalogueService(ctx: ServiceContext, institutionId: string, id: string | null, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'welcome.configure', institutionId);
	const sourceLocale = await sourceLocaleOf(ctx, institutionId);
	let basics: z.output<typeof basicsSchema> | null = null;
	let basicErrors: Record<string, MessageKey> = {};
	try {
		basics = parseInput(basicsSchema, { ...input, ...translatedFromForm(input, ['name', 'description']), audiences: listFromForm(input.audiences) });
	} catch (err) {
		if (!(err instanceof AppError) || !err.fields) throw err;
		basicErrors = err.fields as Record<string, MessageKey>;
	}
	const design = readDesign(input, sourceLocale);
	const name = basics ? cleanLocalizedText(basics.name) : {};
	// The name in the institution's own language is needed, whatever else is wrong.
	if (!(input[`name.${sourceLocale}`] ?? '').trim()) basicErrors[`name.${sourceLocale}`] = 'error_required';
	const errors = { ...basicErrors, ...design.errors };
	if (Object.keys(errors).length || !basics) throw invalidInput(errors);
	const next = {
		code: basics.code,
		name,
		description: cleanLocalizedText(basics.description),
		audiences: basics.audiences,
		turnaroundDays: basics.turnaroundDays,
		position: basics.position,
		active: basics.active,
		questions: design.questions,
		documents: design.documents
	};
	return inTransaction(ctx, async (tx) => {
		const [taken] = await tx.db
			.select({ id: welcomeService.id })
			.from(welcomeService)
			.where(and(eq(welcomeService.institutionId, institutionId), eq(welcomeService.code, next.code)));
		if (taken && taken.id !== id) throw invalidInput({ code: 'error_rule_code_taken' });
		if (!id) {
			const [created] = await tx.db.insert(welcomeService).values({ ...next, institutionId }).returning();
			await recordAudit(tx, { entityType: 'welcome_service', entityId: created!.id, institutionId, action: 'welcome_service.create', changes: diffFields(null, next) });
			invalidatePages(tx);
			return created!;
		}
		const before = await getCatalogueService(tx, institutionId, id);
		const [saved] = await tx.db
			.update(welcomeService)
			.set({ ...next, version: sql`${welcomeService.version} + 1`, updatedAt: new Date() })
			.where(and(eq(welcomeService.id, id), eq(welcomeService.version, basics!.version)))
			.returning();
		if (!saved) throw staleEdit();
		const changed = Object.fromEntries(Object.keys(next).map((k) => [k, before[k as keyof typeof before]]));
		await recordAudit(tx, { entityType: 'welcome_service', entityId: id, institutionId, action: 'welcome_service.update', changes: diffFields(changed, next) });
		invalidatePages(tx);
		return saved;
	});
}

/** Adds the demo catalogues of ENU and Tongji (marked demo) where they are missing. */
export async function seedDemoCatalogue(platform: Pick<Platform, 'db'>) {
	const owners = await platform.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug }).from(institutionDirectory);
	const rows = owners.flatMap((o) => (DEMO_CATALOGUE[o.slug] ?? []).map((s, position) => ({ ...s, institutionId: o.id, position: (position + 1) * 10, isDemo: true })));
	if (rows.length) await platform.db.insert(welcomeService).values(rows).onConflictDoNothing();
}

