import { count, eq } from 'drizzle-orm';
import { user } from '../auth/auth.tables';
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
import { seedDemoFactsheets } from '../institutions/factsheet.service';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS, DEMO_PASSWORD } from './demo.data';

export async function isDatabaseEmpty(platform: Platform) {
	const [row] = await platform.db.select({ n: count() }).from(institution);
	return (row?.n ?? 0) === 0;
}

/** Adds whatever demo institutions and accounts are missing; running it twice changes nothing. */
export async function seedDemo(platform: Platform) {
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
				password: DEMO_PASSWORD,
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
	await seedDemoFactsheets(platform);
	await seedDemoInstitutionCosts(platform);
	await seedDemoCatalogue(platform);
	await seedDemoIncomingProfile(platform);
	await seedDemoLetterTemplates(platform);
	platform.logger.info('demo data seeded', { institutions, accounts, programmes });
	return { institutions, accounts, programmes };
}
