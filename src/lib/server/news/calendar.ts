import { formatDate } from '$lib/i18n/format';
import { resolveText, type LocalizedText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { t } from '$lib/i18n/messages';
import { addCalendarDays } from '../guides/deadlines';
import type { TimelineStep } from '../guides/planner';
import { zonedToInstant } from '../platform/time';

/*
 * iCalendar (RFC 5545), written here rather than by the `ics` package: it folds lines at 75
 * characters instead of 75 octets (a Chinese summary line reached 173 bytes), folds with a tab,
 * writes "P1DT" (not a valid duration) for whole days and leaves commas unescaped in alarms.
 */

/**
 * When an entry happens: a whole day (`date`, YYYY-MM-DD; an end date is exclusive), an
 * instant (written in UTC, "…Z"), or a wall-clock time in no particular zone (`local`,
 * YYYY-MM-DDTHH:mm: "floating", for when the destination's zone is unknown).
 */
export type IcsTime = { date: string } | { instant: Date } | { local: string };

export interface IcsEvent {
	uid: string;
	summary: string;
	description?: string;
	location?: string;
	url?: string;
	start: IcsTime;
	end: IcsTime;
	/** A displayed reminder, `before` the start (an RFC 5545 duration such as "PT15H" or "P1D"). */
	alarm?: { before: string; description: string };
}

/** An all-day entry's reminder: 15 hours before its first midnight, i.e. 09:00 the day before. */
export const ALL_DAY_REMINDER = 'PT15H';
/** A timed entry's reminder: the same time on the day before. */
export const TIMED_REMINDER = 'P1D';

/** dur-value of §3.3.6: "P1W", "P1D", "PT15H", "P1DT2H30M" (not "P1DT" nor "PT"). */
const DURATION = /^P(?:\d+W|\d+D|(?:\d+D)?T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))$/;

/** A TEXT value (§3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeIcsText(value: string): string {
	const escaped = value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
	return Array.from(escaped)
		.filter((c) => {
			const code = c.codePointAt(0)!;
			return code === 9 || (code >= 32 && code !== 127);
		})
		.join('');
}

const utf8Length = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/**
 * Folds one content line (§3.1): no line longer than 75 octets without its CRLF, continuation
 * lines start with one space, and a multi-byte UTF-8 character is never split.
 */
export function foldIcsLine(line: string): string {
	const lines: string[] = [];
	let current = '';
	let octets = 0;
	let limit = 75;
	for (const char of line) {
		const size = utf8Length(char.codePointAt(0)!);
		if (octets + size > limit) {
			lines.push(current);
			current = '';
			octets = 0;
			limit = 74; // the leading space takes one octet
		}
		current += char;
		octets += size;
	}
	lines.push(current);
	return lines.join('\r\n ');
}

const compactDate = (date: string) => date.replaceAll('-', '');
const utcStamp = (instant: Date) => instant.toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');

function timeProperty(name: 'DTSTART' | 'DTEND', time: IcsTime): string {
	if ('date' in time) return `${name};VALUE=DATE:${compactDate(time.date)}`;
	if ('instant' in time) return `${name}:${utcStamp(time.instant)}`;
	return `${name}:${compactDate(time.local.slice(0, 10))}T${time.local.slice(11, 13)}${time.local.slice(14, 16)}00`;
}

/** A calendar file: CRLF line ends, every line folded to at most 75 octets. */
export function writeIcs(calendar: { productId: string; name: string }, events: IcsEvent[], now = new Date()): string {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${calendar.productId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeIcsText(calendar.name)}`, 'X-PUBLISHED-TTL:PT1H'];
	const stamp = utcStamp(now);
	for (const e of events) {
		lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`, timeProperty('DTSTART', e.start), timeProperty('DTEND', e.end), `SUMMARY:${escapeIcsText(e.summary)}`);
		if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
		if (e.location) lines.push(`LOCATION:${escapeIcsText(e.location)}`);
		if (e.url) lines.push(`URL:${e.url}`);
		if (e.alarm) {
			if (!DURATION.test(e.alarm.before)) throw new RangeError(`not a duration: ${e.alarm.before}`);
			lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeIcsText(e.alarm.description)}`, `TRIGGER:-${e.alarm.before}`, 'END:VALARM');
		}
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/** Events as an iCalendar file (all-day events; the last day inclusive; a reminder the day before at 09:00). */
export function eventsToIcs(
	events: { slug: string; title: LocalizedText; summary: LocalizedText; startsOn: string; endsOn: string; city: LocalizedText; online: boolean }[],
	locale: Locale,
	origin: string,
	calendarName: string,
	now = new Date()
) {
	return writeIcs(
		{ productId: 'welcome-platform/events', name: calendarName },
		events.map((e) => {
			const title = resolveText(e.title, locale)?.text ?? e.slug;
			const url = `${origin}/${locale}/events/${e.slug}`;
			return {
				uid: `${e.slug}@welcome-events`,
				summary: title,
				description: `${resolveText(e.summary, locale)?.text ?? ''}\n\n${url}`,
				location: e.online ? 'Online' : (resolveText(e.city, locale)?.text ?? undefined),
				url,
				start: { date: e.startsOn },
				end: { date: addCalendarDays(e.endsOn, 1) },
				alarm: { before: ALL_DAY_REMINDER, description: title }
			};
		}),
		now
	);
}

/** `local` (YYYY-MM-DDTHH:mm) plus `minutes`, as wall-clock arithmetic. */
const addLocalMinutes = (local: string, minutes: number) => new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);

/** How long the arrival lasts in the calendar (landing, passport control, luggage). */
const ARRIVAL_MINUTES = 60;

/**
 * The planner's timeline as an iCalendar file. Steps are all-day entries on their date, except
 * the arrival when its time is known: then an entry at that time in the destination's time zone,
 * written in UTC. Deadlines and the arrival have a reminder the day before.
 *
 * UTC ("…Z") rather than TZID=Asia/Almaty with a VTIMEZONE: every client reads UTC the same way,
 * while a hand-written VTIMEZONE has to follow the tz database (Kazakhstan moved from UTC+6 to
 * UTC+5 in March 2024) and Outlook rejects or misreads IANA zone names without one. The runtime's
 * tz data converts the local arrival time; the description repeats it with the zone's name.
 */
export function timelineToIcs(
	plan: {
		steps: TimelineStep[];
		institution: { slug: string; shortName: string; name: LocalizedText; defaultLocale?: string | null };
		input: { arrival: string; time?: string };
		guide: { timeZone: string } | null;
	},
	locale: Locale,
	/** The planner page with the person's answers. */
	link: string,
	now = new Date()
) {
	const tx = (value: LocalizedText) => resolveText(value, locale)?.text ?? '';
	const institution = resolveText(plan.institution.name, locale, plan.institution.defaultLocale as Locale | null | undefined)?.text || plan.institution.shortName;
	const events = plan.steps.map((step, index): IcsEvent => {
		const uid = `${plan.input.arrival}-${plan.institution.slug}-${step.kind}-${index}@welcome`;
		const when = formatDate(step.due.date, locale, 'long') + (step.due.time ? `, ${step.due.time}` : '');
		if (step.kind === 'arrival') {
			const summary = `${t('step_arrival', locale)}: ${institution}`;
			const alarm = { description: summary };
			const time = step.due.time;
			if (!time) return { uid, summary, description: link, start: { date: step.due.date }, end: { date: addCalendarDays(step.due.date, 1) }, alarm: { ...alarm, before: ALL_DAY_REMINDER } };
			const local = `${step.due.date}T${time}`;
			const zone = plan.guide?.timeZone;
			const instant = zone ? zonedToInstant(local, zone) : null;
			const description = `${when}${zone ? ` (${zone})` : ''}\n\n${link}`;
			return instant
				? { uid, summary, description, start: { instant }, end: { instant: new Date(instant.getTime() + ARRIVAL_MINUTES * 60_000) }, alarm: { ...alarm, before: TIMED_REMINDER } }
				: { uid, summary, description, start: { local }, end: { local: addLocalMinutes(local, ARRIVAL_MINUTES) }, alarm: { ...alarm, before: TIMED_REMINDER } };
		}
		const title =
			step.kind === 'visa_start'
				? t('step_visa_start', locale)
				: step.kind === 'departure'
					? t('step_departure', locale)
					: tx(step.title) + (step.occurrence ? ` (${t('rule_year_of_stay', locale, { year: step.occurrence })})` : '');
		const suffix = step.due.time ? ` (${t('planner_deadline_at', locale, { time: step.due.time })})` : '';
		const detail = step.kind === 'rule' ? tx(step.description) : step.kind === 'visa_start' ? t('step_visa_start_detail', locale, { days: step.processingDaysMax ?? 15 }) : '';
		return {
			uid,
			summary: title + suffix,
			description: detail ? `${detail}\n\n${link}` : link,
			start: { date: step.due.date },
			end: { date: addCalendarDays(step.due.date, 1) },
			// The end of the stay is a date, not something to do by then.
			...(step.kind === 'departure' ? {} : { alarm: { before: ALL_DAY_REMINDER, description: t('mail_reminder_subject', locale, { step: title, due: when }) } })
		};
	});
	return writeIcs({ productId: 'welcome-platform/arrival-planner', name: t('planner_title', locale) }, events, now);
}

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * An Atom feed of news items in one language. The feed's author is the platform (RFC 4287
 * §4.1.1 requires one unless every entry has its own); an institution's news names the
 * institution as the entry's author.
 */
export function newsToAtom(
	items: { slug: string; title: LocalizedText; summary: LocalizedText; publishedAt: Date; institutionSlug?: string | null; institutionShortName?: string | null }[],
	locale: Locale,
	origin: string,
	feedTitle: string,
	author: string = t('brand', locale)
) {
	const updated = (items[0]?.publishedAt ?? new Date(0)).toISOString();
	const entries = items.map((n) => {
		const url = `${origin}/${locale}/news/${n.slug}`;
		const by =
			n.institutionSlug && n.institutionShortName
				? `<author><name>${escapeXml(n.institutionShortName)}</name><uri>${escapeXml(`${origin}/${locale}/institutions/${n.institutionSlug}`)}</uri></author>`
				: '';
		return `<entry><id>${escapeXml(url)}</id><title>${escapeXml(resolveText(n.title, locale)?.text ?? n.slug)}</title>${by}<link href="${escapeXml(url)}"/><updated>${n.publishedAt.toISOString()}</updated><summary>${escapeXml(resolveText(n.summary, locale)?.text ?? '')}</summary></entry>`;
	});
	return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}"><id>${escapeXml(`${origin}/${locale}/news`)}</id><title>${escapeXml(feedTitle)}</title><author><name>${escapeXml(author)}</name><uri>${escapeXml(`${origin}/${locale}`)}</uri></author><link href="${escapeXml(`${origin}/${locale}/news`)}"/><link rel="self" href="${escapeXml(`${origin}/${locale}/news/feed.xml`)}"/><updated>${updated}</updated>\n${entries.join('\n')}\n</feed>\n`;
}
