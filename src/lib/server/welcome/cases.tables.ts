import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '$lib/i18n/localized-text';
import type { Answers, DocumentRequest, Question } from '$lib/welcome/service-form';
import { user } from '../auth/auth.tables';
import { oneOf } from '../platform/sql-checks';
import { institution } from '../institutions/institutions.tables';
import { welcomeService } from './catalogue.tables';

// A relative path: drizzle-kit reads this file without SvelteKit's $lib alias.
import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../welcome/case-status';
export { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../welcome/case-status';

/** The design a case was submitted against: later changes to the service do not rewrite it. */
export interface ServiceSnapshot {
	code: string;
	name: LocalizedText;
	questions: Question[];
	documents: DocumentRequest[];
	turnaroundDays: number;
}

/**
 * A request of an incoming person to one institution's welcome centre, handled by its staff
 * until done or declined.
 */
export const welcomeCase = pgTable(
	'welcome_case',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		/** Per institution, 1, 2, …: what people quote ("case 42"). */
		number: integer().notNull(),
		serviceId: uuid().references(() => welcomeService.id, { onDelete: 'set null' }),
		service: jsonb().$type<ServiceSnapshot>().notNull(),
		applicantId: text().references(() => user.id, { onDelete: 'set null' }),
		answers: jsonb().$type<Answers>().notNull().default({}),
		status: text().$type<CaseStatus>().notNull().default('submitted'),
		declineReason: text(),
		assigneeId: text().references(() => user.id, { onDelete: 'set null' }),
		dueOn: date({ mode: 'string' }).notNull(),
		/** The form's one-time token: a double-clicked submit makes one case. */
		submissionKey: text().notNull(),
		submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		firstResponseAt: timestamp({ withTimezone: true }),
		closedAt: timestamp({ withTimezone: true }),
		version: integer().notNull().default(1),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('welcome_case_number_uq').on(t.institutionId, t.number),
		uniqueIndex('welcome_case_submission_uq').on(t.applicantId, t.submissionKey),
		index('welcome_case_queue_idx').on(t.institutionId, t.status, t.dueOn),
		// The queue across all statuses, in either order.
		index('welcome_case_due_idx').on(t.institutionId, t.dueOn, t.number),
		index('welcome_case_submitted_idx').on(t.institutionId, t.submittedAt, t.number),
		check('welcome_case_status_check', oneOf(t.status, CASE_STATUSES)),
		index('welcome_case_open_due_idx').on(t.institutionId, t.dueOn).where(sql`status in ('submitted', 'in_progress', 'waiting')`),
		index('welcome_case_applicant_idx').on(t.applicantId, t.submittedAt),
		index('welcome_case_assignee_id_idx').on(t.assigneeId),
		index('welcome_case_service_id_idx').on(t.serviceId)
	]
);

/**
 * The open cases, with the statuses written as literals: a prepared statement's generic plan
 * can then still use the partial index on open cases (with parameters it could not know they
 * match the index's condition, and counted or sorted a centre's whole history instead).
 */
export const isOpenCase = () => sql<boolean>`${welcomeCase.status} in ${sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`)}`;

/**
 * How many cases each institution has in each status, kept by the statement triggers
 * `welcome_case_tally_*` (migration 0037) on every insert, status change and delete, whoever
 * writes: the queue shows these counts on every view, and counting a busy centre's history
 * (20,000 cases) each time was most of its time.
 */
export const welcomeCaseTally = pgTable(
	'welcome_case_tally',
	{
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		status: text().$type<CaseStatus>().notNull(),
		n: integer().notNull()
	},
	(t) => [primaryKey({ columns: [t.institutionId, t.status] })]
);

export const DOCUMENT_REVIEWS = ['pending', 'accepted', 'rejected'] as const;
export type DocumentReview = (typeof DOCUMENT_REVIEWS)[number];

/** A file of a case: a requested document, a message's attachment, or a letter issued. */
export const caseDocument = pgTable(
	'case_document',
	{
		id: uuid().primaryKey().defaultRandom(),
		caseId: uuid()
			.notNull()
			.references(() => welcomeCase.id, { onDelete: 'cascade' }),
		institutionId: uuid().notNull(),
		/** The service's document key, or 'attachment'. */
		documentKey: text().notNull(),
		fileName: text().notNull(),
		mime: text().notNull(),
		bytes: bigint({ mode: 'number' }).notNull(),
		storageKey: text().notNull(),
		uploadedById: text().references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Staff's check of a requested document: pending | accepted | rejected (then asked again, with the reason). */
		review: text().$type<DocumentReview>().notNull().default('pending'),
		reviewReason: text(),
		reviewedById: text().references(() => user.id, { onDelete: 'set null' }),
		reviewedAt: timestamp({ withTimezone: true })
	},
	(t) => [check('case_document_review_check', oneOf(t.review, DOCUMENT_REVIEWS)), index('case_document_case_idx').on(t.caseId), index('case_document_reviewed_by_id_idx').on(t.reviewedById), index('case_document_uploaded_by_id_idx').on(t.uploadedById)]
);

export const CASE_EVENT_KINDS = ['submitted', 'message', 'note', 'status', 'assigned', 'document'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/**
 * What happened to a case, in order: its history. Messages are between the applicant and
 * staff; notes are internal and never shown to the applicant.
 */
export const caseEvent = pgTable(
	'case_event',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** The order events happened in, also within one transaction (where timestamps tie). */
		seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
		caseId: uuid()
			.notNull()
			.references(() => welcomeCase.id, { onDelete: 'cascade' }),
		kind: text().$type<CaseEventKind>().notNull(),
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		body: text(),
		/** status: { from, to, reason }; assigned: { to }; document: { documentId }; message: { documentIds } */
		data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('case_event_case_idx').on(t.caseId, t.seq), index('case_event_author_id_idx').on(t.authorId), check('case_event_kind_check', oneOf(t.kind, CASE_EVENT_KINDS))]
);
