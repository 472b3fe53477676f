import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { account, user } from '../auth/auth.tables';
import { createVerifiedUser } from '../auth/accounts.service';
import { institution, membership } from '../institutions/institutions.tables';
import type { Platform } from '../platform/context';
import { seedDemoProgrammes } from '../programmes/programmes.seed';
import { seedScholarships } from '../scholarships/scholarships.service';
import { seedCosts } from '../costs/costs.service';
import { seedDemoInstitutionCosts } from '../costs/institution-costs.service';
import { seedDemoCatalogue } from '../welcome/catalogue.service';
import { seedDemoIncomingProfile } from '../welcome/incoming.demo';
import { seedDemoLetterTemplates } from '../letters/letters.demo';
import { seedDemoNews } from '../news/news.service';
import { seedFactsheets } from '../institutions/factsheet.service';
import { demoFactsheets } from './factsheets.data';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS, DEMO_PASSWORD } from './demo.data';

export async function isDatabaseEmpty(platform: Platform) {
	const [row] = await platform.db.select({ n: count() }).from(institution);
	return (row?.n ?? 0) === 0;
}

/**
 * The demo accounts' password: the one the README publishes in development; in production a
 * random one unless the operator chose one (DEMO_PASSWORD), so no deployment starts with
 * publicly known credentials.
 */
function demoPassword(platform: Platform) {
	if (platform.config.demoPassword) return { password: platform.config.demoPassword, generated: false };
	if (platform.config.production) return { password: randomBytes(15).toString('base64url'), generated: true };
	return { password: DEMO_PASSWORD, generated: false };
}

/** Adds whatever demo institutions and accounts are missing; running it twice changes nothing. */
export async function seedDemo(platform: Platform) {
	const { password, generated } = demoPassword(platform);
	let institutions = 0;
	let accounts = 0;
	for (const demo of DEMO_INSTITUTIONS) {
		const inserted = await platform.db
			.insert(institution)
			.values({ ...demo, isDemo: true })
			.onConflictDoNothing({ target: institution.slug })
			.returning({ id: institution.id });
		institutions += inserted.length;
	}
	const idsBySlug = new Map(
		(await platform.db.select({ id: institution.id, slug: institution.slug }).from(institution)).map((r) => [r.slug, r.id])
	);
	for (const demo of DEMO_ACCOUNTS) {
		let [existing] = await platform.db.select({ id: user.id }).from(user).where(eq(user.email, demo.email));
		if (!existing) {
			existing = await createVerifiedUser(platform, {
				email: demo.email,
				name: demo.name,
				password,
				locale: demo.locale,
				platformRole: demo.platformRole ?? null,
				personKind: demo.personKind ?? null,
				isDemo: true
			});
			accounts++;
		}
		const institutionId = demo.membership && idsBySlug.get(demo.membership.institution);
		if (demo.membership && institutionId) {
			await platform.db
				.insert(membership)
				.values({ institutionId, userId: existing.id, role: demo.membership.role })
				.onConflictDoNothing();
		}
	}
	const programmes = await seedDemoProgrammes(platform);
	await seedScholarships(platform);
	await seedCosts(platform);
	await seedDemoNews(platform);
	await seedFactsheets(platform, demoFactsheets);
	await seedDemoInstitutionCosts(platform);
	await seedDemoCatalogue(platform);
	await seedDemoIncomingProfile(platform);
	await seedDemoLetterTemplates(platform);
	platform.logger.info('demo data seeded', { institutions, accounts, programmes });
	if (generated && accounts > 0) platform.logger.warn(`Demo accounts (…@demo.welcome.test) were created with this password, shown only now: ${password}`);
	return { institutions, accounts, programmes };
}

/**
 * A production database seeded by an earlier version (or copied from a development machine)
 * may hold demo accounts with the published password: each gets a random one, printed once.
 */
export async function retirePublishedDemoPassword(platform: Platform) {
	const rows = await platform.db
		.select({ accountId: account.id, email: user.email, hash: account.password })
		.from(account)
		.innerJoin(user, eq(user.id, account.userId))
		.where(and(eq(user.isDemo, true), eq(account.providerId, 'credential')));
	if (rows.length === 0) return 0;
	const context = await platform.auth.$context;
	const newPassword = randomBytes(15).toString('base64url');
	// scrypt runs on libuv's thread pool: checking the accounts together keeps start-up short.
	const published = await Promise.all(rows.map((row) => (row.hash ? context.password.verify({ hash: row.hash, password: DEMO_PASSWORD }) : false)));
	const toRetire = rows.filter((_, i) => published[i]);
	if (toRetire.length === 0) return 0;
	const hash = await context.password.hash(newPassword);
	for (const row of toRetire) await platform.db.update(account).set({ password: hash }).where(eq(account.id, row.accountId));
	const retired = toRetire.length;
	if (retired > 0) platform.logger.warn(`${retired} demo accounts had the published demo password; their new password, shown only now: ${newPassword}`);
	return retired;
}
