import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { createVerifiedUser } from '../auth/accounts.service';
import { person } from '../auth/auth.views';
import { replaceDemoPassword } from '../auth/users.service';
import { seedDemoAgreements } from '../agreements/agreements.demo';
import { fillDemoInstitutionIds, seedDemoInstitutions, seedMemberships } from '../institutions/institutions.seed';
import { institutionDirectory } from '../institutions/institutions.views';
import type { Platform } from '../platform/context';
import { seedDemoProgrammes } from '../programmes/programmes.seed';
import { seedScholarships } from '../scholarships/scholarships.service';
import { seedCosts } from '../costs/costs.service';
import { seedDemoInstitutionCosts } from '../costs/institution-costs.service';
import { seedDemoCatalogue } from '../welcome/catalogue.service';
import { seedDemoIncomingProfile } from '../welcome/incoming.demo';
import { seedDemoAgreementLink } from '../welcome/incoming-agreement.demo';
import { seedDemoLetterTemplates } from '../letters/letters.demo';
import { seedDemoNews } from '../news/news.service';
import { seedFactsheets } from '../institutions/factsheet.service';
import { demoFactsheets } from './factsheets.data';
import { DEMO_ACCOUNTS, DEMO_INSTITUTIONS, DEMO_PASSWORD } from './demo.data';

export async function isDatabaseEmpty(platform: Platform) {
	const [row] = await platform.db.select({ n: count() }).from(institutionDirectory);
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
	const institutions = (await seedDemoInstitutions(platform, DEMO_INSTITUTIONS)).length;
	await fillDemoInstitutionIds(platform, DEMO_INSTITUTIONS);
	let accounts = 0;
	const idsBySlug = new Map(
		(await platform.db.select({ id: institutionDirectory.id, slug: institutionDirectory.slug }).from(institutionDirectory)).map((r) => [r.slug, r.id])
	);
	const memberships = [];
	for (const demo of DEMO_ACCOUNTS) {
		let [existing] = await platform.db.select({ id: person.id }).from(person).where(eq(person.email, demo.email));
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
		if (demo.membership && institutionId) memberships.push({ institutionId, userId: existing.id, role: demo.membership.role });
	}
	await seedMemberships(platform, memberships);
	const programmes = await seedDemoProgrammes(platform);
	await seedScholarships(platform);
	await seedCosts(platform);
	await seedDemoNews(platform);
	await seedFactsheets(platform, demoFactsheets);
	await seedDemoInstitutionCosts(platform);
	await seedDemoCatalogue(platform);
	await seedDemoIncomingProfile(platform);
	await seedDemoLetterTemplates(platform);
	await seedDemoAgreements(platform);
	await seedDemoAgreementLink(platform);
	platform.logger.info('demo data seeded', { institutions, accounts, programmes });
	if (generated && accounts > 0) platform.logger.warn(`Demo accounts (…@demo.welcome.test) were created with this password, shown only now: ${password}`);
	return { institutions, accounts, programmes };
}

/**
 * A production database seeded by an earlier version (or copied from a development machine)
 * may hold demo accounts with the published password: each gets a random one, printed once.
 */
export async function retirePublishedDemoPassword(platform: Platform) {
	const { replaced, password } = await replaceDemoPassword(platform, DEMO_PASSWORD);
	if (replaced > 0) platform.logger.warn(`${replaced} demo accounts had the published demo password; their new password, shown only now: ${password}`);
	return replaced;
}
