import { eq } from 'drizzle-orm';
import { person } from '../auth/auth.views';
import { institutionDirectory } from '../institutions/institutions.views';
import type { Platform, ServiceContext } from '../platform/context';
import { incomingAgreementChoices } from '../agreements/agreement-list';
import { incomingAgreementOf, linkIncomingAgreement } from './incoming-agreement.service';

/**
 * The demo student comes to ENU under its agreement with UPC (student studies), so that
 * agreement's page shows a place used this academic year. Made through the service, as the
 * platform admin acting for ENU.
 */
export async function seedDemoAgreementLink(platform: Platform) {
	const [[student], [admin], [enu]] = await Promise.all([
		platform.db.select({ id: person.id }).from(person).where(eq(person.email, 'student@demo.welcome.test')),
		platform.db.select({ id: person.id, email: person.email }).from(person).where(eq(person.email, 'admin@demo.welcome.test')),
		platform.db.select({ id: institutionDirectory.id }).from(institutionDirectory).where(eq(institutionDirectory.slug, 'enu'))
	]);
	if (!student || !admin || !enu) return;
	const ctx: ServiceContext = { ...platform, actor: { userId: admin.id, email: admin.email, platformRole: 'platform_admin', memberships: new Map([[enu.id, 'institution_admin']]) }, requestId: 'demo-seed', locale: 'en' };
	if (await incomingAgreementOf(ctx, enu.id, student.id).catch(() => 'none')) return;
	const choice = (await incomingAgreementChoices(ctx, enu.id)).find((c) => c.partnerHeiId === 'upc.edu' && c.kind === 'student-studies');
	if (choice) await linkIncomingAgreement(ctx, enu.id, student.id, choice.value);
}
