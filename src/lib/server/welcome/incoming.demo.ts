import { eq } from 'drizzle-orm';
import { person } from '../auth/auth.views';
import { addCalendarDays } from '../guides/deadlines';
import { institutionDirectory } from '../institutions/institutions.views';
import type { Platform } from '../platform/context';
import { incomingProfile } from './incoming.tables';

/**
 * The demo student's profile: going to ENU three weeks after the demo was seeded, so their
 * welcome space shows a dated timeline and ENU's services at once.
 */
export async function seedDemoIncomingProfile(platform: Pick<Platform, 'db'>, today = new Date().toISOString().slice(0, 10)) {
	const [student] = await platform.db.select({ id: person.id }).from(person).where(eq(person.email, 'student@demo.welcome.test'));
	const [enu] = await platform.db.select({ id: institutionDirectory.id }).from(institutionDirectory).where(eq(institutionDirectory.slug, 'enu'));
	if (!student || !enu) return;
	const arrival = addCalendarDays(today, 21);
	await platform.db
		.insert(incomingProfile)
		.values({
			userId: student.id,
			kind: 'student',
			institutionId: enu.id,
			nationality: 'IN',
			stayStart: addCalendarDays(arrival, 7),
			stayEnd: addCalendarDays(arrival, 140),
			arrivalDate: arrival,
			arrivalTime: '03:40',
			flightNumber: 'KC922',
			arrivalAirport: 'NQZ',
			housing: 'on_campus',
			languages: ['en', 'hi'],
			interests: 'cricket, photography, cooking'
		})
		.onConflictDoNothing();
}
