import { eq } from 'drizzle-orm';
import { createTransport, type Transporter } from 'nodemailer';
import type { Locale } from '$lib/i18n/locales';
import type { Db } from '../db/database';
import type { Logger } from '../platform/logger';
import { mailMessage } from './mail.tables';
import { renderMail, type MailTemplate } from './templates';

export interface Mailer {
	/**
	 * Renders the template in the recipient's language, records it, and delivers it when SMTP is set.
	 * `replyTo` (kept in the message's meta) is where answers go when not to the platform's sender.
	 */
	send(
		db: Db,
		message: { to: string; template: MailTemplate; locale: Locale; params: Record<string, string> & { url?: string }; replyTo?: string | null }
	): Promise<{ id: string; status: 'outbox' | 'sent' | 'failed' }>;
	close(): void;
}

/** nodemailer for SMTP (SMTP_URL, e.g. smtps://user:pass@host:465); without it, the in-app outbox. */
export function createMailer(options: { smtpUrl?: string; from: string; logger: Logger }): Mailer {
	const transport: Transporter | null = options.smtpUrl ? createTransport(options.smtpUrl) : null;
	return {
		async send(db, { to, template, locale, params, replyTo }) {
			const rendered = renderMail(template, locale, params);
			const [row] = await db
				.insert(mailMessage)
				.values({ to, template, locale, status: 'outbox', ...rendered, meta: replyTo ? { replyTo } : {} })
				.returning({ id: mailMessage.id });
			const id = row!.id;
			if (!transport) {
				options.logger.info('mail kept in outbox', { to, template });
				return { id, status: 'outbox' };
			}
			try {
				await transport.sendMail({ from: options.from, to, ...(replyTo ? { replyTo } : {}), ...rendered });
				await db.update(mailMessage).set({ status: 'sent', sentAt: new Date() }).where(eq(mailMessage.id, id));
				return { id, status: 'sent' };
			} catch (error) {
				options.logger.error('mail delivery failed', { to, template, error });
				await db
					.update(mailMessage)
					.set({ status: 'failed', error: String((error as Error).message ?? error) })
					.where(eq(mailMessage.id, id));
				return { id, status: 'failed' };
			}
		},
		close() {
			transport?.close();
		}
	};
}
