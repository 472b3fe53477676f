import { redirect } from '@sveltejs/kit';
import { countryName, formatDate } from '$lib/i18n/format';
import { calendarDayInputFromForm, listCalendar, saveCalendarDay, withdrawCalendarDay } from '$lib/server/guides/rules-editing.service';
import { loadOrError, runForm } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

const yearOf = (url: URL) => {
	const year = Number(url.searchParams.get('year'));
	return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getUTCFullYear();
};

export const load: PageServerLoad = async (event) => {
	const code = event.params.code.toUpperCase();
	const year = yearOf(event.url);
	const days = await loadOrError(event, () => listCalendar(event.locals.ctx, code, year));
	return {
		country: { code, name: countryName(code, event.locals.locale) },
		year,
		days: days.map((d) => ({ date: d.date, text: formatDate(d.date, event.locals.locale, 'long'), kind: d.kind, name: d.name, withdrawn: !!d.withdrawnAt, sourceUrl: d.sourceUrl, verifiedOn: d.verifiedOn })),
		saved: event.url.searchParams.has('saved')
	};
};

/** Back to the year of the day just changed. */
const back = (locale: string, code: string, date: string) => redirect(303, `/${locale}/admin/countries/${code}/calendar?year=${date.slice(0, 4)}&saved`);

export const actions: Actions = {
	save: async (event) => {
		let date = '';
		const outcome = await runForm(event, (input) => {
			date = input.date ?? '';
			return saveCalendarDay(event.locals.ctx, event.params.code, calendarDayInputFromForm(input));
		});
		if (!outcome.ok) return outcome.failure;
		back(event.locals.locale, event.params.code, date);
	},
	withdraw: async (event) => {
		let date = '';
		const outcome = await runForm(event, (input) => {
			date = input.date ?? '';
			return withdrawCalendarDay(event.locals.ctx, event.params.code, date);
		});
		if (!outcome.ok) return outcome.failure;
		back(event.locals.locale, event.params.code, date);
	}
};
