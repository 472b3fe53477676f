import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every message the platform sends. With SMTP configured it is delivered and marked sent;
 * without, it stays here with status 'outbox' and platform admins read it in the app.
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
		/** 'outbox' | 'sent' | 'failed' */
		status: text().notNull(),
		error: text(),
		meta: jsonb().$type<Record<string, string>>().notNull().default({}),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp({ withTimezone: true })
	},
	(t) => [index('mail_message_created_idx').on(t.createdAt), index('mail_message_to_idx').on(t.to)]
);
