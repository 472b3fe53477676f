import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * outbox: kept in the app (no SMTP configured); queued: waiting for delivery after its
 * transaction committed, or for a retry; sent; failed: given up after MAIL_ATTEMPTS tries.
 */
export const MAIL_STATUSES = ['outbox', 'queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Every message the platform sends. With SMTP configured it is queued and delivered after the
 * transaction that wrote it commits (mailer.ts); without, it stays here with status 'outbox'
 * and platform admins read it in the app.
 */
export const mailMessage = pgTable(
	'mail_message',
	{
		id: uuid().primaryKey().defaultRandom(),
		to: text().notNull(),
		subject: text().notNull(),
		text: text().notNull(),
		html: text().notNull(),
		template: text().notNull(),
		locale: text().notNull(),
		status: text().$type<MailStatus>().notNull(),
		/** Delivery attempts so far; the last one's error. */
		attempts: integer().notNull().default(0),
		error: text(),
		/** When a queued message may be tried (again); a claimed one is leased until then. */
		nextAttemptAt: timestamp({ withTimezone: true }),
		meta: jsonb().$type<Record<string, string>>().notNull().default({}),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp({ withTimezone: true })
	},
	(t) => [
		index('mail_message_created_idx').on(t.createdAt),
		index('mail_message_to_idx').on(t.to),
		index('mail_message_queued_idx').on(t.nextAttemptAt).where(sql`status = 'queued'`),
		check('mail_message_status_check', sql`${t.status} in ('outbox', 'queued', 'sent', 'failed')`)
	]
);
