import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runJob } from '../jobs/jobs';
import { inTransaction, systemContext, type ServiceContext } from '../platform/context';
import type { RunningPlatform } from '../boot/platform';
import { createTestPlatform } from '../testing/platform';
import { MAIL_JOB } from './mail-job';
import { mailMessage } from './mail.tables';
import { MAIL_ATTEMPTS, type MailTransport } from './mailer';

/** An SMTP server stand-in: records what it is given, and fails or stalls when told to. */
const smtp = {
	delivered: [] as { to: string; subject: string; replyTo?: string }[],
	failWith: null as string | null,
	stall: null as Promise<void> | null,
	reset() {
		this.delivered = [];
		this.failWith = null;
		this.stall = null;
	}
};
const transport: MailTransport = {
	async sendMail(message) {
		if (smtp.stall) await smtp.stall;
		if (smtp.failWith) throw new Error(smtp.failWith);
		smtp.delivered.push({ to: message.to, subject: message.subject, replyTo: message.replyTo });
	}
};

let platform: RunningPlatform;
let ctx: ServiceContext;
beforeAll(async () => {
	platform = await createTestPlatform({ mailTransport: transport });
	ctx = systemContext(platform);
});
afterAll(async () => platform?.close());
beforeEach(() => smtp.reset());

const message = (to: string) => ({ to, template: 'reset_password' as const, locale: 'kk' as const, params: { url: 'http://localhost:3999/kk/account' } });
const row = async (id: string) => (await platform.db.select().from(mailMessage).where(eq(mailMessage.id, id)))[0]!;
const deliveredTo = (to: string) => smtp.delivered.filter((m) => m.to === to);

describe('mail leaves after the commit', () => {
	it('delivers a message written in a transaction once the transaction commits, exactly once', async () => {
		const { id } = await inTransaction(ctx, async (tx) => {
			const queued = await tx.mailer.send(tx.db, message('committed@example.test'));
			expect(queued.status).toBe('queued');
			expect(deliveredTo('committed@example.test')).toEqual([]);
			return queued;
		});
		await expect.poll(async () => (await row(id)).status).toBe('sent');
		// Another run (the job, a second server) finds nothing left to send.
		await platform.mailer.deliverQueued();
		expect(deliveredTo('committed@example.test')).toHaveLength(1);
		expect(deliveredTo('committed@example.test')[0]!.subject).not.toBe('');
		expect((await row(id)).attempts).toBe(1);
	});

	it('sends nothing, and keeps nothing in the outbox, when the transaction rolls back', async () => {
		await expect(
			inTransaction(ctx, async (tx) => {
				await tx.mailer.send(tx.db, message('rolled-back@example.test'));
				throw new Error('the change fails after the mail was written');
			})
		).rejects.toThrow('the change fails');
		await platform.mailer.deliverQueued();
		expect(deliveredTo('rolled-back@example.test')).toEqual([]);
		expect(await platform.db.select().from(mailMessage).where(eq(mailMessage.to, 'rolled-back@example.test'))).toEqual([]);
	});

	it('keeps the database free while a mail server is slow', async () => {
		let release!: () => void;
		smtp.stall = new Promise((resolve) => (release = resolve));
		const { id } = await platform.mailer.send(platform.db, message('slow@example.test'));
		// Delivery has started and waits on the mail server; other work still gets the database.
		await expect.poll(async () => (await row(id)).attempts).toBe(1);
		const [count] = await platform.db.select({ n: sql<number>`count(*)::int` }).from(mailMessage).where(eq(mailMessage.to, 'slow@example.test'));
		expect(count!.n).toBe(1);
		expect((await row(id)).status).toBe('queued');
		release();
		await expect.poll(async () => (await row(id)).status).toBe('sent');
	});

	it('tries a failing message again later, then marks it failed with the error for the outbox', async () => {
		smtp.failWith = '421 4.7.0 try again later';
		const { id } = await platform.mailer.send(platform.db, message('unlucky@example.test'));
		await expect.poll(async () => (await row(id)).error).toBe('421 4.7.0 try again later');
		let attempt = await row(id);
		expect(attempt.status).toBe('queued');
		expect(attempt.attempts).toBe(1);
		expect(attempt.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());

		// Not due yet: the job leaves it alone.
		expect(await platform.mailer.deliverQueued()).toEqual({ sent: 0, retrying: 0, failed: 0 });
		for (let n = 2; n <= MAIL_ATTEMPTS; n++) {
			await platform.mailer.deliverQueued(new Date(attempt.nextAttemptAt!.getTime() + 1000));
			attempt = await row(id);
			expect(attempt.attempts).toBe(n);
		}
		expect(attempt.status).toBe('failed');
		expect(attempt.error).toBe('421 4.7.0 try again later');
		expect(deliveredTo('unlucky@example.test')).toEqual([]);
	});

	it('delivers through the background job what could not leave at once', async () => {
		smtp.failWith = 'connection refused';
		const { id } = await platform.mailer.send(platform.db, message('later@example.test'));
		// Until the failure is written, the first attempt still holds its lease (attempts counts
		// from the claim): waiting on attempts alone let the retry run before it, and find nothing due.
		await expect.poll(async () => (await row(id)).error).toContain('connection refused');
		expect((await row(id)).attempts).toBe(1);
		smtp.failWith = null;
		const result = await runJob(platform, MAIL_JOB, 'manual', new Date(Date.now() + 2 * 60_000));
		expect(result).toMatchObject({ sent: 1 });
		expect((await row(id)).status).toBe('sent');
		expect(deliveredTo('later@example.test')).toHaveLength(1);
	});

	it('sends each message once when two deliveries run at the same time', async () => {
		const ids = await Promise.all(['a', 'b', 'c'].map(async (n) => (await platform.mailer.send(platform.db, message(`twice-${n}@example.test`))).id));
		await Promise.all([platform.mailer.deliverQueued(), platform.mailer.deliverQueued(), platform.mailer.deliverQueued()]);
		await expect.poll(async () => Promise.all(ids.map(async (id) => (await row(id)).status))).toEqual(['sent', 'sent', 'sent']);
		for (const n of ['a', 'b', 'c']) expect(deliveredTo(`twice-${n}@example.test`)).toHaveLength(1);
	});
});
