import type { Job } from '../jobs/jobs';

/**
 * Retries: messages whose delivery right after their commit failed (or whose server stopped
 * before sending) are tried again when due; after MAIL_ATTEMPTS tries they show as failed in
 * the outbox with the last error.
 */
export const MAIL_JOB: Job = {
	name: 'mail_delivery',
	everyMinutes: 1,
	run: (platform, now) => platform.mailer.deliverQueued(now)
};
