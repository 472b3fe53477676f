import { createEvents, type EventAttributes } from 'ics';
import { resolveText, type LocalizedText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { addCalendarDays } from '../guides/deadlines';

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** Events as an iCalendar file (all-day events; the last day inclusive). */
export function eventsToIcs(
	events: { slug: string; title: LocalizedText; summary: LocalizedText; startsOn: string; endsOn: string; city: LocalizedText; online: boolean }[],
	locale: Locale,
	origin: string,
	calendarName: string
) {
	const attributes: EventAttributes[] = events.map((e) => ({
		uid: `${e.slug}@welcome-events`,
		title: resolveText(e.title, locale)?.text ?? e.slug,
		description: `${resolveText(e.summary, locale)?.text ?? ''}\n\n${origin}/${locale}/events/${e.slug}`,
		location: e.online ? 'Online' : (resolveText(e.city, locale)?.text ?? undefined),
		url: `${origin}/${locale}/events/${e.slug}`,
		start: parts(e.startsOn),
		end: parts(addCalendarDays(e.endsOn, 1)),
		productId: 'welcome-platform/events',
		calName: calendarName
	}));
	if (!attributes.length) return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:welcome-platform/events\r\nX-WR-CALNAME:${calendarName.replace(/[,;\\]/g, ' ')}\r\nEND:VCALENDAR\r\n`;
	const { error, value } = createEvents(attributes);
	if (error || !value) throw error ?? new Error('calendar could not be written');
	return value;
}

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** An Atom feed of news items in one language. */
export function newsToAtom(
	items: { slug: string; title: LocalizedText; summary: LocalizedText; publishedAt: Date }[],
	locale: Locale,
	origin: string,
	feedTitle: string
) {
	const updated = (items[0]?.publishedAt ?? new Date(0)).toISOString();
	const entries = items.map((n) => {
		const url = `${origin}/${locale}/news/${n.slug}`;
		return `<entry><id>${escapeXml(url)}</id><title>${escapeXml(resolveText(n.title, locale)?.text ?? n.slug)}</title><link href="${escapeXml(url)}"/><updated>${n.publishedAt.toISOString()}</updated><summary>${escapeXml(resolveText(n.summary, locale)?.text ?? '')}</summary></entry>`;
	});
	return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}"><id>${escapeXml(`${origin}/${locale}/news`)}</id><title>${escapeXml(feedTitle)}</title><link href="${escapeXml(`${origin}/${locale}/news`)}"/><link rel="self" href="${escapeXml(`${origin}/${locale}/news/feed.xml`)}"/><updated>${updated}</updated>\n${entries.join('\n')}\n</feed>\n`;
}
