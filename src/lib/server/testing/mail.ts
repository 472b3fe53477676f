import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { mailMessage } from '../mail/mail.tables';

/** The newest message of a template sent to an address, and the token in its link. */
export async function lastMailTo(db: Db, to: string, template: string) {
	const [row] = await db
		.select()
		.from(mailMessage)
		.where(and(eq(mailMessage.to, to), eq(mailMessage.template, template)))
		.orderBy(desc(mailMessage.createdAt))
		.limit(1);
	if (!row) return null;
	const url = row.text.match(/https?:\/\/\S+/)?.[0] ?? '';
	const token = decodeURIComponent(url.match(/token=([^&\s]+)/)?.[1] ?? url.split('/').pop() ?? '');
	return { ...row, url, token };
}
