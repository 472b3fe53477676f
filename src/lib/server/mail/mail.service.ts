import { desc, eq, lt } from 'drizzle-orm';
import { authorizePlatform } from '../access/policy';
import { notFound } from '../platform/errors';
import type { ServiceContext } from '../platform/context';
import { mailMessage } from './mail.tables';
import { isUuid } from '../platform/validation';

const PAGE_SIZE = 50;

/** The outbox that platform admins read: every message, newest first. */
export async function listMail(ctx: ServiceContext, options: { before?: Date } = {}) {
	authorizePlatform(ctx.actor, 'platform.read_outbox');
	const rows = await ctx.db
		.select({
			id: mailMessage.id,
			to: mailMessage.to,
			subject: mailMessage.subject,
			template: mailMessage.template,
			locale: mailMessage.locale,
			status: mailMessage.status,
			createdAt: mailMessage.createdAt
		})
		.from(mailMessage)
		.where(options.before ? lt(mailMessage.createdAt, options.before) : undefined)
		.orderBy(desc(mailMessage.createdAt))
		.limit(PAGE_SIZE + 1);
	return { messages: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

export async function getMail(ctx: ServiceContext, id: string) {
	authorizePlatform(ctx.actor, 'platform.read_outbox');
	if (!isUuid(id)) throw notFound();
	const [row] = await ctx.db.select().from(mailMessage).where(eq(mailMessage.id, id));
	if (!row) throw notFound();
	return row;
}
