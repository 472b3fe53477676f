import { and, eq, inArray, sql } from 'drizzle-orm';
import { countryName } from '$lib/i18n/format';
import { resolveText, type LocalizedText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { t, type MessageKey } from '$lib/i18n/messages';
import { authorizeInstitution } from '../access/policy';
import { recordAudit } from '../audit/audit.service';
import { person } from '../auth/auth.views';
import { csvLines } from '../spreadsheets/spreadsheet';
import { toWebStream, xlsxStream, type XlsxCell } from '../spreadsheets/xlsx-stream';
import { todayIn } from '../guides/planner.service';
import { institutionDirectory } from '../institutions/institutions.views';
import type { ServiceContext } from '../platform/context';
import { queueSchema, queueSelection, type QueueFilters } from './case-handling.service';
import { caseEvent, OPEN_STATUSES, welcomeCase } from './cases.tables';
import { incomingProfile } from './incoming.tables';
import { institutionPlace } from './present';

/**
 * The staff queue as a spreadsheet: every case the queue's filters select (all pages), one row
 * each, in the staff member's language. Applicants' personal data leaves the platform here, so
 * only the institution's case staff may export (`case.export`) and every export is audited: who,
 * when, which filters, how many rows. Passport numbers and the request's answers stay out.
 *
 * The cases are chosen once (their ids, in the queue's order), then read and written 1,000 at a
 * time into a stream: CSV text, or an XLSX archive written as it goes (xlsx-stream.ts), so
 * 20,000 cases cost about as much memory as 1,000.
 */
export const EXPORT_BATCH = 1000;
export const CASE_EXPORT_COLUMNS = [
	'cases_export_number',
	'cases_export_service',
	'cases_export_applicant',
	'cases_export_email',
	'cases_export_nationality',
	'cases_export_status',
	'cases_export_assignee',
	'cases_export_submitted',
	'cases_export_due',
	'cases_export_overdue',
	'cases_export_closed',
	'cases_export_last_reply'
] as const satisfies readonly MessageKey[];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

/** The filters as the audit trail keeps them: what was asked for, without the page and order. */
function auditedFilters(filters: QueueFilters) {
	const { status, service, assignee, overdue, replied, q } = filters;
	return Object.fromEntries(Object.entries({ status, service, assignee, overdue, replied, q }).filter(([, v]) => v !== ''));
}

/** A time as the institution's clock showed it: "2027-01-25 14:03" (sortable in any spreadsheet). */
function localStamp(timeZone: string) {
	const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
	return (value: Date | null) => {
		if (!value) return null;
		const p = Object.fromEntries(format.formatToParts(value).map((x) => [x.type, x.value]));
		return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
	};
}

export async function exportCases(ctx: ServiceContext, institutionId: string, query: Record<string, string>, format: 'xlsx' | 'csv') {
	authorizeInstitution(ctx.actor, 'case.export', institutionId);
	const filters = queueSchema.parse(query);
	const locale = ctx.locale;
	const [inst] = await ctx.db.select({ defaultLocale: institutionDirectory.defaultLocale }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
	const { timeZone } = await institutionPlace(ctx, institutionId);
	const today = todayIn(timeZone);
	const selection = queueSelection(ctx, institutionId, filters, today);
	const ids = (await ctx.db.select({ id: welcomeCase.id }).from(welcomeCase).where(selection.where).orderBy(...selection.order)).map((r) => r.id);
	await recordAudit(ctx, {
		entityType: 'case_export',
		entityId: institutionId,
		institutionId,
		action: 'case.export',
		changes: { format: { from: null, to: format }, filters: { from: null, to: auditedFilters(filters) }, rows: { from: null, to: ids.length } }
	});
	const header = CASE_EXPORT_COLUMNS.map((key) => t(key, locale));
	const rows = exportRows(ctx, institutionId, ids, { locale, owner: (inst?.defaultLocale ?? 'en') as Locale, timeZone, today });
	if (format === 'csv') return { body: toWebStream(csvStream(header, rows)), type: CSV_TYPE };
	return { body: toWebStream(xlsxStream(t('cases_title', locale), header, rows)), type: XLSX_TYPE };
}

async function* csvStream(header: string[], batches: AsyncIterable<XlsxCell[][]>) {
	// A byte-order mark, so Excel reads Cyrillic and Chinese as UTF-8; formulas escaped (csvLines).
	yield '\ufeff' + csvLines([header]);
	for await (const rows of batches) yield csvLines(rows);
}

/** The cases' rows, a batch at a time, in the order of `ids`; always within the institution. */
async function* exportRows(ctx: ServiceContext, institutionId: string, ids: string[], options: { locale: Locale; owner: Locale; timeZone: string; today: string }): AsyncGenerator<XlsxCell[][]> {
	const { locale, owner, today } = options;
	const stamp = localStamp(options.timeZone);
	const yes = t('yes', locale);
	const no = t('no', locale);
	for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
		const batch = ids.slice(i, i + EXPORT_BATCH);
		const found = await ctx.db
			.select({
				id: welcomeCase.id,
				number: welcomeCase.number,
				service: sql<LocalizedText>`${welcomeCase.service}->'name'`,
				serviceCode: sql<string>`${welcomeCase.service}->>'code'`,
				status: welcomeCase.status,
				dueOn: welcomeCase.dueOn,
				submittedAt: welcomeCase.submittedAt,
				closedAt: welcomeCase.closedAt,
				name: person.name,
				email: person.email,
				nationality: incomingProfile.nationality,
				assignee: sql<string | null>`(select u.name from ${person} u where u.id = ${welcomeCase.assigneeId})`,
				// The applicant's last message: when they last wrote to the centre.
				lastReply: sql<Date | null>`(select max(e.created_at) from ${caseEvent} e where e.case_id = ${welcomeCase.id} and e.kind = 'message' and e.author_id = ${welcomeCase.applicantId})`.mapWith(caseEvent.createdAt)
			})
			.from(welcomeCase)
			.leftJoin(person, eq(person.id, welcomeCase.applicantId))
			.leftJoin(incomingProfile, eq(incomingProfile.userId, welcomeCase.applicantId))
			.where(and(eq(welcomeCase.institutionId, institutionId), inArray(welcomeCase.id, batch)));
		const byId = new Map(found.map((r) => [r.id, r]));
		yield batch.flatMap((id) => {
			const r = byId.get(id);
			if (!r) return [];
			const open = OPEN_STATUSES.includes(r.status);
			return [
				[
					r.number,
					resolveText(r.service, locale, owner)?.text ?? r.serviceCode,
					r.name,
					r.email,
					r.nationality ? countryName(r.nationality, locale) : null,
					t(`case_state_${r.status}` as MessageKey, locale),
					r.assignee,
					stamp(r.submittedAt),
					r.dueOn,
					open && r.dueOn < today ? yes : no,
					stamp(r.closedAt),
					stamp(r.lastReply)
				]
			];
		});
	}
}
