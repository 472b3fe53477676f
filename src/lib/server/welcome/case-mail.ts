import { eq } from 'drizzle-orm';
import { formatDate } from '$lib/i18n/format';
import { resolveText, type LocalizedText } from '$lib/i18n/localized-text';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { t, type MessageKey } from '$lib/i18n/messages';
import { person } from '../auth/auth.views';
import { institutionDirectory } from '../institutions/institutions.views';
import type { ServiceContext } from '../platform/context';
import type { welcomeCase } from './cases.tables';

type CaseRow = typeof welcomeCase.$inferSelect;

async function recipient(ctx: ServiceContext, userId: string | null) {
	if (!userId) return null;
	const [row] = await ctx.db.select({ email: person.email, name: person.name, locale: person.locale }).from(person).where(eq(person.id, userId));
	return row ? { ...row, locale: (isLocale(row.locale) ? row.locale : 'en') as Locale } : null;
}

async function institutionName(ctx: ServiceContext, institutionId: string, locale: Locale) {
	const [row] = await ctx.db.select({ name: institutionDirectory.name, shortName: institutionDirectory.shortName, defaultLocale: institutionDirectory.defaultLocale }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
	return row ? (resolveText(row.name, locale, row.defaultLocale as Locale)?.text ?? row.shortName) : '';
}

/**
 * Tells the applicant about their case, in their own language: received, a new message, a new
 * status, a letter, a letter's reference from the authorities (`extra`: what its message names
 * besides the case). Sent inside the change's transaction, so the outbox row commits with it, or
 * with the context after the commit.
 */
export async function notifyApplicant(ctx: ServiceContext, row: CaseRow, template: 'case_submitted' | 'case_message' | 'case_status' | 'case_letter' | 'case_letter_reference' | 'case_document_rejected', extra: (locale: Locale) => Record<string, string> = () => ({})) {
	const to = await recipient(ctx, row.applicantId);
	if (!to) return;
	const locale = to.locale;
	await ctx.mailer.send(ctx.db, {
		to: to.email,
		template,
		locale,
		params: {
			url: `${ctx.config.origin}/${locale}/my/requests/${row.id}`,
			number: String(row.number),
			service: resolveText(row.service.name, locale)?.text ?? row.service.code,
			institution: await institutionName(ctx, row.institutionId, locale),
			due: formatDate(row.dueOn, locale, 'long'),
			status: t(`case_status_${row.status}` as MessageKey, locale),
			...extra(locale)
		}
	});
}

/** Tells the staff member handling a case that the applicant replied. */
export async function notifyAssignee(ctx: ServiceContext, row: CaseRow, applicantName: string, slug: string) {
	const to = await recipient(ctx, row.assigneeId);
	if (!to) return;
	await ctx.mailer.send(ctx.db, {
		to: to.email,
		template: 'case_reply',
		locale: to.locale,
		params: {
			url: `${ctx.config.origin}/${to.locale}/workspace/${slug}/cases/${row.id}`,
			number: String(row.number),
			service: resolveText(row.service.name, to.locale)?.text ?? row.service.code,
			name: applicantName
		}
	});
}

/**
 * Tells the applicant that staff rejected a document they sent and ask for it again, with the
 * reason, in the applicant's language. Called after the rejection is committed.
 */
export async function notifyDocumentRejected(ctx: ServiceContext, row: CaseRow, document: LocalizedText, reason: string) {
	await notifyApplicant(ctx, row, 'case_document_rejected', (locale) => ({ document: resolveText(document, locale)?.text ?? '', reason }));
}
