import { and, eq, sql } from 'drizzle-orm';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { FACTSHEET_TEXTS, type FactsheetData } from '$lib/factsheet-form';
import { factsheetInputSchema } from './factsheet.schemas';
import { authorizeInstitution, canInstitution } from '../access/policy';
import { auditChangesSince, diffFields, recordAudit } from '../audit/audit.service';
import { diffSnapshots } from '../editing/revision-diff';
import { nextTranslationSources, translationGaps, type TranslationSources } from '../editing/translation-status';
import { invalidatePages } from '../http-cache/page-cache';
import { inTransaction, type ServiceContext } from '../platform/context';
import { notFound, staleEdit } from '../platform/errors';
import { parseInput, parseVersion } from '../platform/validation';
import { institutionFactsheet, type ContactPoint } from './factsheet.tables';
import { institution } from './institutions.tables';

/**
 * Editing what an institution publishes beyond its name: key figures, contacts and services of
 * the international office and welcome centre, and the EWP factsheet (calendar, requirements,
 * housing, visa, insurance, accessibility). One record per institution, kept like the profile:
 * optimistic locking, translation review flags, and every change in the audit trail.
 */

type Row = typeof institutionFactsheet.$inferSelect;

const EMPTY: FactsheetData = {
	foundedYear: null,
	students: null,
	internationalStudents: null,
	instructionLanguages: [],
	officeEmail: null,
	officePhone: null,
	officeUrl: null,
	centreEmail: null,
	centrePhone: null,
	centreUrl: null,
	services: [],
	nominationDeadlineAutumn: null,
	nominationDeadlineSpring: null,
	applicationDeadlineAutumn: null,
	applicationDeadlineSpring: null,
	applicationEmail: null,
	applicationPhone: null,
	applicationUrl: null,
	additionalRequirements: [],
	decisionWeeksLimit: null,
	transcriptWeeksLimit: null,
	housingEmail: null,
	housingUrl: null,
	visaEmail: null,
	visaUrl: null,
	insuranceEmail: null,
	insuranceUrl: null,
	officeAddress: {},
	centreHours: {},
	requirementsDetails: {},
	accommodation: {},
	accessibility: {},
	additionalInfo: {}
};

function fromRow(row: Row | undefined): FactsheetData {
	if (!row) return EMPTY;
	const office = row.internationalOffice as ContactPoint & { address?: LocalizedText };
	const centre = row.welcomeCentre as ContactPoint & { hours?: LocalizedText };
	return {
		foundedYear: row.foundedYear,
		students: row.students,
		internationalStudents: row.internationalStudents,
		instructionLanguages: row.instructionLanguages,
		officeEmail: office.email ?? null,
		officePhone: office.phone ?? null,
		officeUrl: office.url ?? null,
		centreEmail: centre.email ?? null,
		centrePhone: centre.phone ?? null,
		centreUrl: centre.url ?? null,
		services: row.services,
		nominationDeadlineAutumn: row.nominationDeadlineAutumn,
		nominationDeadlineSpring: row.nominationDeadlineSpring,
		applicationDeadlineAutumn: row.applicationDeadlineAutumn,
		applicationDeadlineSpring: row.applicationDeadlineSpring,
		applicationEmail: row.applicationInfo.email ?? null,
		applicationPhone: row.applicationInfo.phone ?? null,
		applicationUrl: row.applicationInfo.url ?? null,
		additionalRequirements: row.additionalRequirements,
		decisionWeeksLimit: row.decisionWeeksLimit,
		transcriptWeeksLimit: row.transcriptWeeksLimit,
		housingEmail: row.housingInfo.email ?? null,
		housingUrl: row.housingInfo.url ?? null,
		visaEmail: row.visaInfo.email ?? null,
		visaUrl: row.visaInfo.url ?? null,
		insuranceEmail: row.insuranceInfo.email ?? null,
		insuranceUrl: row.insuranceInfo.url ?? null,
		officeAddress: office.address ?? {},
		centreHours: centre.hours ?? {},
		requirementsDetails: row.requirementsDetails,
		accommodation: row.accommodation,
		accessibility: row.accessibility,
		additionalInfo: row.additionalInfo
	};
}

/** Drops empty entries so stored contact points stay small and compare equal. */
const contact = <T extends Record<string, unknown>>(value: T) =>
	Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'object' && !Object.keys(v as object).length))) as T;

function toRow(data: FactsheetData) {
	return {
		foundedYear: data.foundedYear,
		students: data.students,
		internationalStudents: data.internationalStudents,
		instructionLanguages: data.instructionLanguages,
		internationalOffice: contact({ email: data.officeEmail, phone: data.officePhone, url: data.officeUrl, address: data.officeAddress }) as ContactPoint & { address?: LocalizedText },
		welcomeCentre: contact({ email: data.centreEmail, phone: data.centrePhone, url: data.centreUrl, hours: data.centreHours }) as ContactPoint & { hours?: LocalizedText },
		services: data.services,
		nominationDeadlineAutumn: data.nominationDeadlineAutumn,
		nominationDeadlineSpring: data.nominationDeadlineSpring,
		applicationDeadlineAutumn: data.applicationDeadlineAutumn,
		applicationDeadlineSpring: data.applicationDeadlineSpring,
		applicationInfo: contact({ email: data.applicationEmail, phone: data.applicationPhone, url: data.applicationUrl }) as ContactPoint,
		additionalRequirements: data.additionalRequirements,
		requirementsDetails: data.requirementsDetails,
		decisionWeeksLimit: data.decisionWeeksLimit,
		transcriptWeeksLimit: data.transcriptWeeksLimit,
		housingInfo: contact({ email: data.housingEmail, url: data.housingUrl }) as ContactPoint,
		visaInfo: contact({ email: data.visaEmail, url: data.visaUrl }) as ContactPoint,
		insuranceInfo: contact({ email: data.insuranceEmail, url: data.insuranceUrl }) as ContactPoint,
		accommodation: data.accommodation,
		accessibility: data.accessibility,
		additionalInfo: data.additionalInfo
	};
}

async function sourceLocaleOf(ctx: ServiceContext, institutionId: string): Promise<Locale> {
	const [inst] = await ctx.db.select({ defaultLocale: institution.defaultLocale }).from(institution).where(eq(institution.id, institutionId));
	if (!inst) throw notFound();
	return inst.defaultLocale as Locale;
}

async function load(ctx: ServiceContext, institutionId: string) {
	const [row] = await ctx.db.select().from(institutionFactsheet).where(eq(institutionFactsheet.institutionId, institutionId));
	return row;
}

/** The factsheet for its editing form (an institution without one gets an empty form, version 0). */
export async function getFactsheetForEditing(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const row = await load(ctx, institutionId);
	const data = fromRow(row);
	const sourceLocale = await sourceLocaleOf(ctx, institutionId);
	const sources = (row?.translationSources ?? {}) as TranslationSources;
	return {
		data,
		version: row?.version ?? 0,
		sourceLocale,
		gaps: translationGaps(FACTSHEET_TEXTS, data, sources, sourceLocale),
		translateOnly: !canInstitution(ctx.actor, 'institution.update_profile', institutionId)
	};
}


/**
 * Saves the factsheet if nobody saved since `version` (optimistic locking). Editors change
 * everything; translators only the texts in languages other than the institution's own.
 */
export async function updateFactsheet(ctx: ServiceContext, institutionId: string, input: unknown, version: unknown) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const fullEdit = canInstitution(ctx.actor, 'institution.update_profile', institutionId);
	const expected = parseVersion(version, 0);
	const sourceLocale = await sourceLocaleOf(ctx, institutionId);
	const parsed = parseInput(factsheetInputSchema, input);
	return inTransaction(ctx, async (tx) => {
		const row = await load(tx, institutionId);
		if ((row?.version ?? 0) !== expected) throw staleEdit();
		const before = fromRow(row);
		const texts = Object.fromEntries(FACTSHEET_TEXTS.map((f) => [f, cleanLocalizedText(parsed[f])])) as Pick<FactsheetData, (typeof FACTSHEET_TEXTS)[number]>;
		const after: FactsheetData = fullEdit
			? { ...parsed, ...texts }
			: // Translators: everything but the translations stays as it was, the original included.
				{ ...before, ...Object.fromEntries(FACTSHEET_TEXTS.map((f) => [f, cleanLocalizedText({ ...texts[f], [sourceLocale]: before[f][sourceLocale] })])) };
		const changes = diffFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
		if (!Object.keys(changes).length) return { saved: false as const, version: expected };
		const translationSources = nextTranslationSources(FACTSHEET_TEXTS, before, after, (row?.translationSources ?? {}) as TranslationSources, sourceLocale);
		const values = { ...toRow(after), translationSources, updatedAt: new Date() };
		const [written] = row
			? await tx.db
					.update(institutionFactsheet)
					.set({ ...values, version: sql`${institutionFactsheet.version} + 1` })
					.where(and(eq(institutionFactsheet.institutionId, institutionId), eq(institutionFactsheet.version, expected)))
					.returning({ version: institutionFactsheet.version })
			: await tx.db
					.insert(institutionFactsheet)
					.values({ institutionId, ...values })
					.onConflictDoNothing()
					.returning({ version: institutionFactsheet.version });
		if (!written) throw staleEdit();
		invalidatePages(tx);
		await recordAudit(tx, { entityType: 'institution_factsheet', entityId: institutionId, institutionId, action: fullEdit ? 'factsheet.update' : 'factsheet.translate', changes });
		return { saved: true as const, version: written.version };
	});
}

/** What others changed since the form was opened (from the audit trail), as a readable diff. */
export async function factsheetChangesSince(ctx: ServiceContext, institutionId: string, since: Date) {
	authorizeInstitution(ctx.actor, 'content.translate', institutionId);
	const { by, at, before, after } = await auditChangesSince(ctx, {
		institutionId,
		entityType: 'institution_factsheet',
		entityId: institutionId,
		actions: ['factsheet.update', 'factsheet.translate'],
		since
	});
	const localized = FACTSHEET_TEXTS.filter((f) => f in after);
	const plain = Object.keys(after).filter((f) => !(FACTSHEET_TEXTS as readonly string[]).includes(f));
	return { by, at, changes: diffSnapshots(before, after, { localized, plain }) };
}
