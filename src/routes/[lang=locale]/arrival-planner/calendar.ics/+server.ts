import { error } from '@sveltejs/kit';
import { createEvents, type EventAttributes } from 'ics';
import { resolveText, type LocalizedText } from '$lib/i18n/localized-text';
import { t } from '$lib/i18n/messages';
import { addCalendarDays } from '$lib/server/guides/deadlines';
import { planArrival } from '$lib/server/guides/planner.service';
import { AppError } from '$lib/server/platform/errors';
import type { RequestHandler } from './$types';

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** The personal timeline as an iCalendar file: one all-day event per dated step. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const { locale } = locals;
	const query = Object.fromEntries(url.searchParams.entries());
	let plan;
	try {
		plan = await planArrival(locals.ctx, query);
	} catch (err) {
		if (err instanceof AppError) error(400, t(err.messageKey, locale));
		throw err;
	}
	const tx = (value: LocalizedText) => resolveText(value, locale)?.text ?? '';
	const institution = tx(plan.institution.name) || plan.institution.shortName;
	const events: EventAttributes[] = plan.steps.map((step, index) => {
		const title =
			step.kind === 'visa_start'
				? t('step_visa_start', locale)
				: step.kind === 'arrival'
					? `${t('step_arrival', locale)}: ${institution}`
					: step.kind === 'departure'
						? t('step_departure', locale)
						: tx(step.title);
		const time = step.due.time ? ` (${t('planner_deadline_at', locale, { time: step.due.time })})` : '';
		const description = step.kind === 'rule' ? tx(step.description) : step.kind === 'visa_start' ? t('step_visa_start_detail', locale, { days: step.processingDaysMax ?? 15 }) : '';
		return {
			uid: `${plan.input.arrival}-${plan.institution.slug}-${step.kind}-${index}@welcome`,
			title: title + time,
			description: description + `\n\n${url.origin}/${locale}/arrival-planner?${url.searchParams.toString()}`,
			start: parts(step.due.date),
			end: parts(addCalendarDays(step.due.date, 1)),
			productId: 'welcome-platform/arrival-planner',
			calName: t('planner_title', locale)
		};
	});
	const { error: icsError, value } = createEvents(events);
	if (icsError || !value) throw icsError ?? new Error('calendar could not be written');
	return new Response(value, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="welcome-arrival.ics"',
			'cache-control': 'public, max-age=3600'
		}
	});
};
