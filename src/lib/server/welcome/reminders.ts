import { and, eq, gte, isNotNull, lte, or } from 'drizzle-orm';
import { formatDate } from '$lib/i18n/format';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { t } from '$lib/i18n/messages';
import { person } from '../auth/auth.views';
import { addCalendarDays } from '../guides/deadlines';
import type { Job } from '../jobs/jobs';
import { systemContext, type Platform } from '../platform/context';
import { incomingProfile, timelineReminder } from './incoming.tables';
import { personalTimeline, stepCode } from './timeline.service';

/** Timelines reach from visa applications weeks before arrival to steps months after it (and yearly steps until the stay ends). */
const WINDOW_BEFORE_ARRIVAL_DAYS = 120;
const WINDOW_AFTER_ARRIVAL_DAYS = 400;

/**
 * E-mails each person about every step of their timeline that is due soon and not done, once
 * per step and due date, in their language.
 */
export async function sendDueReminders(platform: Platform, now: Date) {
	const today = now.toISOString().slice(0, 10);
	const profiles = await platform.db
		.select({ profile: incomingProfile, email: person.email, locale: person.locale })
		.from(incomingProfile)
		.innerJoin(person, eq(person.id, incomingProfile.userId))
		.where(
			and(
				isNotNull(incomingProfile.institutionId),
				isNotNull(incomingProfile.nationality),
				lte(incomingProfile.arrivalDate, addCalendarDays(today, WINDOW_BEFORE_ARRIVAL_DAYS)),
				or(gte(incomingProfile.arrivalDate, addCalendarDays(today, -WINDOW_AFTER_ARRIVAL_DAYS)), gte(incomingProfile.stayEnd, today))
			)
		);
	let sent = 0;
	for (const { profile, email, locale: rawLocale } of profiles) {
		const locale: Locale = isLocale(rawLocale) ? rawLocale : 'en';
		const ctx = systemContext(platform, locale);
		const timeline = await personalTimeline(ctx, profile, now).catch((error: unknown) => {
			platform.logger.warn('timeline for reminders failed', { userId: profile.userId, error });
			return null;
		});
		for (const step of timeline?.steps ?? []) {
			if (step.state !== 'due_soon') continue;
			const code = stepCode(step);
			const [claimed] = await platform.db.insert(timelineReminder).values({ userId: profile.userId, stepCode: code, dueDate: step.due.date }).onConflictDoNothing().returning();
			if (!claimed) continue;
			const title = step.kind === 'rule' ? (resolveText(step.title, locale)?.text ?? code) : t('step_visa_start', locale);
			await platform.mailer.send(platform.db, {
				to: email,
				template: 'step_reminder',
				locale,
				params: { url: `${platform.config.origin}/${locale}/my#timeline`, step: title, due: formatDate(step.due.date, locale, 'long') + (step.due.time ? `, ${step.due.time}` : '') }
			});
			sent++;
		}
	}
	return { people: profiles.length, sent };
}

export const REMINDER_JOB: Job = { name: 'arrival_reminders', everyMinutes: 60, run: sendDueReminders };
