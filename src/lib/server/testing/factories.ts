import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import type { InstitutionRole, PlatformRole } from '../access/policy';
import { createVerifiedUser } from '../auth/accounts.service';
import { loadActor } from '../institutions/actor';
import { user } from '../auth/auth.tables';
import { institution, membership } from '../institutions/institutions.tables';
import type { Platform, ServiceContext } from '../platform/context';

const unique = () => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'correct horse battery staple';

/** A fresh institution per test, so tests never share rows. */
export async function makeInstitution(platform: Platform, overrides: Partial<typeof institution.$inferInsert> = {}) {
	const id = unique();
	const [row] = await platform.db
		.insert(institution)
		.values({
			slug: `inst-${id}`,
			shortName: `I-${id}`,
			name: { en: `Institution ${id}` },
			city: { en: 'Astana', ru: 'Астана' },
			countryCode: 'KZ',
			defaultLocale: 'en',
			locales: ['en', 'ru'],
			...overrides
		})
		.returning();
	return row!;
}

export async function makeUser(
	platform: Platform,
	options: { role?: InstitutionRole; institutionId?: string; platformRole?: PlatformRole; locale?: Locale; email?: string } = {}
) {
	const email = options.email ?? `user-${unique()}@example.org`;
	const created = await createVerifiedUser(platform, {
		email,
		name: `Test ${email}`,
		password: TEST_PASSWORD,
		locale: options.locale ?? 'en',
		platformRole: options.platformRole ?? null
	});
	if (options.role && options.institutionId) {
		await platform.db.insert(membership).values({ institutionId: options.institutionId, userId: created.id, role: options.role });
	}
	return { id: created.id, email };
}

/** A service context acting as the given user, with their memberships as they are now. */
export async function contextFor(platform: Platform, userId: string | null, locale: Locale = 'en'): Promise<ServiceContext> {
	if (!userId) return { ...platform, actor: null, requestId: 'test', locale };
	const [row] = await platform.db.select().from(user).where(eq(user.id, userId));
	return { ...platform, actor: await loadActor(platform.db, row!), requestId: 'test', locale };
}

/** A cookie jar that records what the auth flows set. */
export function cookieJar() {
	const jar = new Map<string, string>();
	return {
		jar,
		set(name: string, value: string) {
			jar.set(name, value);
		},
		header() {
			return [...jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
		}
	};
}
