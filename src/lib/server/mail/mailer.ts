import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { Locale } from '$lib/i18n/locales';
import type { Db } from '../db/database';
import type { Logger } from '../platform/logger';
import { mailMessage } from './mail.tables';
import { renderMail, type MailTemplate } from './templates';

/** Tries before a message is marked failed, and the wait after each failed try. */
export const MAIL_ATTEMPTS = 5;
const RETRY_MINUTES = [1, 5, 30, 120];
/** A claimed message is leased this long: a server that dies while sending does not hold it for ever. */
const LEASE_MINUTES = 5;
const BATCH = 20;

/** What delivers a rendered message: nodemailer's SMTP transport, or a test's. */
export interface MailTransport {
	sendMail(message: { from: string; to: string; replyTo?: string; subject: string; text: string; html: string }): Promise<unknown>;
	close?(): void;
}

export interface Mailer {
	/**
	 * Renders the template in the recipient's language and records it in `db`, which may be a
	 * transaction's: a rolled-back change takes its mail back with it. Nothing leaves here; with
	 * SMTP configured the message is queued and delivered once committed (`deliverNow`, and the
	 * mail job for retries). `replyTo` (kept in the message's meta) is where answers go when not
	 * to the platform's sender.
	 */
	send(
		db: Db,
		message: { to: string; template: MailTemplate; locale: Locale; params: Record<string, string> & { url?: string }; replyTo?: string | null }
	): Promise<{ id: string; status: 'outbox' | 'queued' }>;
	/** Starts delivering what is queued, in the background (after a commit). */
	deliverNow(): void;
	/** Delivers the queued messages that are due; what fails waits for its next try. */
	deliverQueued(now?: Date): Promise<{ sent: number; retrying: number; failed: number }>;
	close(): Promise<void>;
}

/**
 * nodemailer for SMTP (SMTP_URL, e.g. smtps://user:pass@host:465); without it, the in-app
 * outbox. `db` is the platform's database (never a transaction): delivery reads committed rows.
 */
export function createMailer(options: { db: Db; smtpUrl?: string; from: string; logger: Logger; transport?: MailTransport }): Mailer {
	const transport: MailTransport | null = options.transport ?? (options.smtpUrl ? createTransport(options.smtpUrl) : null);
	const { db, logger } = options;
	let running: Promise<unknown> | null = null;
	let again = false;

	async function deliverQueued(now = new Date()) {
		const outcome = { sent: 0, retrying: 0, failed: 0 };
		if (!transport) return outcome;
		// Claim a batch by leasing it (one statement, so two servers never take the same message),
		// then send with no transaction open: a slow mail server holds no lock and no connection.
		const due = db
			.select({ id: mailMessage.id })
			.from(mailMessage)
			.where(and(eq(mailMessage.status, 'queued'), or(isNull(mailMessage.nextAttemptAt), lte(mailMessage.nextAttemptAt, now))))
			.orderBy(asc(mailMessage.createdAt))
			.limit(BATCH)
			.for('update', { skipLocked: true });
		const claimed = await db
			.update(mailMessage)
			.set({ attempts: sql`${mailMessage.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MINUTES * 60_000) })
			.where(inArray(mailMessage.id, due))
			.returning();
		for (const row of claimed) {
			try {
				const replyTo = row.meta.replyTo;
				await transport.sendMail({ from: options.from, to: row.to, ...(replyTo ? { replyTo } : {}), subject: row.subject, text: row.text, html: row.html });
				await db.update(mailMessage).set({ status: 'sent', sentAt: new Date(), error: null, nextAttemptAt: null }).where(eq(mailMessage.id, row.id));
				outcome.sent++;
			} catch (error) {
				const message = String((error as Error)?.message ?? error).slice(0, 2000);
				const last = row.attempts >= MAIL_ATTEMPTS;
				(last ? logger.error : logger.warn)('mail delivery failed', { to: row.to, template: row.template, attempt: row.attempts, error });
				const wait = RETRY_MINUTES[Math.min(row.attempts, RETRY_MINUTES.length) - 1] ?? 1;
				await db
					.update(mailMessage)
					.set(last ? { status: 'failed', error: message, nextAttemptAt: null } : { error: message, nextAttemptAt: new Date(now.getTime() + wait * 60_000) })
					.where(eq(mailMessage.id, row.id));
				if (last) outcome.failed++;
				else outcome.retrying++;
			}
		}
		return outcome;
	}

	function deliverNow() {
		if (!transport) return;
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			do {
				again = false;
				try {
					const { sent, retrying, failed } = await deliverQueued();
					// A full batch may have left more behind.
					if (sent + retrying + failed === BATCH) again = true;
				} catch (error) {
					logger.error('mail delivery run failed', { error });
				}
			} while (again);
		})().finally(() => {
			running = null;
		});
	}

	return {
		async send(sendDb, { to, template, locale, params, replyTo }) {
			const rendered = renderMail(template, locale, params);
			const status = transport ? 'queued' : 'outbox';
			const [row] = await sendDb
				.insert(mailMessage)
				.values({ to, template, locale, status, ...rendered, meta: replyTo ? { replyTo } : {} })
				.returning({ id: mailMessage.id });
			if (!transport) logger.info('mail kept in outbox', { to, template });
			// Outside a transaction the row is committed already; inside one, this run finds
			// nothing (or waits for it) and the commit starts another (inTransaction).
			else deliverNow();
			return { id: row!.id, status };
		},
		deliverNow,
		deliverQueued,
		async close() {
			await running;
			transport?.close?.();
		}
	};
}
