import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { getGuide, loadWorkingCalendar, seedGuides } from './guides.service';
import { visaRoute } from './guides.tables';
import { planArrival } from './planner.service';
import {
	arrivalRuleInputFromForm,
	calendarDayInputFromForm,
	documentsToText,
	getVisaRoute,
	listCalendar,
	listCountryRules,
	saveArrivalRule,
	saveCalendarDay,
	saveVisaRoute,
	setFactWithdrawn,
	visaRouteInputFromForm,
	withdrawCalendarDay
} from './rules-editing.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

const editor = async () => contextFor(platform, (await makeUser(platform, { platformRole: 'country_editor' })).id);
// No `unverified` key: an unticked checkbox is not sent at all.
const source = { sourceUrl: 'https://www.gov.kz/', verifiedOn: '2026-11-28' };
const route = (overrides: Record<string, string> = {}) =>
	visaRouteInputFromForm({
		code: 'research_visa',
		'name.en': 'Research visa',
		'description.en': 'For visiting researchers.',
		minStayDays: '31',
		maxStayDays: '365',
		nationalities: '',
		excludedNationalities: 'ru, KG',
		visaFree: '',
		'documents.en': 'Passport\nInvitation letter',
		'documents.ru': 'Паспорт\nПриглашение',
		feeAmount: '80',
		feeCurrency: 'usd',
		processingDaysMin: '5',
		processingDaysMax: '10',
		sortOrder: '50',
		...source,
		version: '0',
		...overrides
	});

describe('country facts editing', () => {
	it('adds a visa route with its documents in each language, refuses wrong values field by field, and locks against stale saves', async () => {
		const ctx = await editor();
		const created = await saveVisaRoute(ctx, 'kz', null, route());
		const saved = await getVisaRoute(ctx, 'KZ', created.id);
		expect(saved).toMatchObject({ code: 'research_visa', excludedNationalities: ['RU', 'KG'], nationalities: null, feeCurrency: 'USD', version: 1 });
		expect(saved.documents).toEqual([
			{ en: 'Passport', ru: 'Паспорт' },
			{ en: 'Invitation letter', ru: 'Приглашение' }
		]);
		expect(documentsToText(saved.documents)).toEqual({ en: 'Passport\nInvitation letter', ru: 'Паспорт\nПриглашение' });
		expect((await getGuide(ctx, 'KZ', '2026-01-01')).routes.map((r) => r.code)).toContain('research_visa');

		const err = await failure(saveVisaRoute(ctx, 'kz', null, route({ code: 'Research Visa!', 'name.en': '', minStayDays: '400', excludedNationalities: 'XX', feeCurrency: '', sourceUrl: 'gov.kz' })));
		expect(err.fields).toEqual({ code: 'rules_error_code', name: 'error_english_required', excludedNationalities: 'error_country_invalid', sourceUrl: 'error_url_invalid', maxStayDays: 'error_stay_bounds', feeCurrency: 'error_required' });
		expect((await failure(saveVisaRoute(ctx, 'kz', null, route()))).fields).toEqual({ code: 'error_rule_code_taken' });

		await saveVisaRoute(ctx, 'kz', created.id, route({ feeAmount: '90', version: '1' }));
		expect((await failure(saveVisaRoute(ctx, 'kz', created.id, route({ feeAmount: '95', version: '1' })))).status).toBe(409);
		expect((await getVisaRoute(ctx, 'kz', created.id)).feeAmount).toBe(90);
		const { events } = await listAuditEvents(await contextFor(platform, (await makeUser(platform, { platformRole: 'platform_admin' })).id));
		expect(events.filter((e) => e.entityId === created.id).map((e) => e.action)).toEqual(['visa_route.update', 'visa_route.create']);
	});

	it('withdraws a seeded step: the guide and the planner leave it out, and the next start does not bring it back', async () => {
		const ctx = await editor();
		const step = (await listCountryRules(ctx, 'kz')).rules.find((r) => r.code === 'migration_notification')!;
		await setFactWithdrawn(ctx, 'kz', 'arrival_rule', step.id, true);
		expect((await getGuide(ctx, 'KZ', '2026-01-01')).rules.map((r) => r.code)).not.toContain('migration_notification');
		await seedGuides(platform);
		expect((await getGuide(ctx, 'KZ', '2026-01-01')).rules.map((r) => r.code)).not.toContain('migration_notification');
		await setFactWithdrawn(ctx, 'kz', 'arrival_rule', step.id, false);
		expect((await getGuide(ctx, 'KZ', '2026-01-01')).rules.map((r) => r.code)).toContain('migration_notification');
	});

	it('adds an arrival step for known visa routes only', async () => {
		const ctx = await editor();
		const input = (overrides: Record<string, string> = {}) =>
			arrivalRuleInputFromForm({ code: 'bank_account', 'title.en': 'Open a bank account', offset: '10', unit: 'working_days', responsible: 'self', visaRoutes: 'C9', housing: '', minStayDays: '', maxStayDays: '', sortOrder: '90', ...source, version: '0', ...overrides });
		expect((await failure(saveArrivalRule(ctx, 'kz', null, input({ visaRoutes: 'C9, teleport' })))).fields).toEqual({ visaRoutes: 'error_unknown_visa_route' });
		expect((await failure(saveArrivalRule(ctx, 'kz', null, input({ unit: 'weeks', offset: '' })))).fields).toEqual({ offset: 'error_required', unit: 'error_choose_one' });
		await saveArrivalRule(ctx, 'kz', null, input());
		expect((await getGuide(ctx, 'KZ', '2026-01-01')).rules.find((r) => r.code === 'bank_account')).toMatchObject({ offset: 10, unit: 'working_days', visaRoutes: ['C9'] });
	});

	it('keeps the purposes of stay a route is for, ticked as boxes: none ticked is any purpose, an unknown one is refused', async () => {
		const ctx = await editor();
		// Ticked boxes arrive as one comma-joined value (formToObject).
		const created = await saveVisaRoute(ctx, 'cn', null, route({ code: 'lecture_visa', excludedNationalities: '', purposes: 'research,teaching' }));
		expect((await getVisaRoute(ctx, 'cn', created.id)).purposes).toEqual(['research', 'teaching']);
		// No box ticked: the field is not sent at all.
		await saveVisaRoute(ctx, 'cn', created.id, route({ code: 'lecture_visa', excludedNationalities: '', version: '1' }));
		expect((await getVisaRoute(ctx, 'cn', created.id)).purposes).toBeNull();
		const err = await failure(saveVisaRoute(ctx, 'cn', null, route({ code: 'tourist_visa', excludedNationalities: '', purposes: 'study,tourism' })));
		expect(err.fields).toEqual({ purposes: 'error_choose_one' });
	});

	it('adds a yearly step for researchers only, which the planner dates before each anniversary of arrival', async () => {
		const ctx = await editor();
		const inst = await makeInstitution(platform, { countryCode: 'KZ' });
		const input = (overrides: Record<string, string> = {}) =>
			arrivalRuleInputFromForm({ code: 'research_report', 'title.en': 'Send the yearly research report', anchor: 'before_anniversary', offset: '14', unit: 'calendar_days', responsible: 'self', visaRoutes: '', purposes: 'research', housing: '', minStayDays: '', maxStayDays: '', sortOrder: '95', ...source, version: '0', ...overrides });
		expect((await failure(saveArrivalRule(ctx, 'kz', null, input({ anchor: 'someday', purposes: 'leisure' })))).fields).toEqual({ anchor: 'error_choose_one', purposes: 'error_choose_one' });
		expect((await failure(saveArrivalRule(ctx, 'kz', null, input({ offset: '400' })))).fields).toEqual({ offset: 'error_number_range' });
		await saveArrivalRule(ctx, 'kz', null, input());
		expect((await getGuide(ctx, 'KZ', '2026-01-01')).rules.find((r) => r.code === 'research_report')).toMatchObject({ anchor: 'before_anniversary', offset: 14, purposes: ['research'] });

		const plan = (purpose: string) => planArrival(ctx, { institution: inst.slug, nationality: 'IN', stay: '730', arrival: '2027-09-01', time: '', housing: 'unknown', purpose });
		const researcher = await plan('research');
		expect(researcher.route?.code).toBe('academic');
		expect(researcher.steps.flatMap((s) => (s.kind === 'rule' && s.ruleCode === 'research_report' ? [[s.code, s.due.date]] : []))).toEqual([['research_report.1', '2028-08-18']]);
		expect((await plan('study')).steps.some((s) => s.kind === 'rule' && s.ruleCode === 'research_report')).toBe(false);
	});

	it('brings seeded facts nobody has edited up to date at the next start, and leaves edited ones alone', async () => {
		const ctx = await editor();
		// An installation seeded before routes had purposes.
		await platform.db.update(visaRoute).set({ purposes: null }).where(and(eq(visaRoute.countryCode, 'CN'), inArray(visaRoute.code, ['X1', 'X2'])));
		// An editor withdraws X2 and puts it back: it is theirs now.
		const x2 = (await listCountryRules(ctx, 'cn')).routes.find((r) => r.code === 'X2')!;
		await setFactWithdrawn(ctx, 'cn', 'visa_route', x2.id, true);
		await setFactWithdrawn(ctx, 'cn', 'visa_route', x2.id, false);
		// Before the seed data had an R route, an editor made one of their own.
		await platform.db.delete(visaRoute).where(and(eq(visaRoute.countryCode, 'CN'), eq(visaRoute.code, 'R')));
		await saveVisaRoute(ctx, 'cn', null, route({ code: 'R', excludedNationalities: '' }));
		await seedGuides(platform);
		const routes = (await listCountryRules(ctx, 'cn')).routes;
		expect(routes.find((r) => r.code === 'X1')!.purposes).toEqual(['study']);
		expect(routes.find((r) => r.code === 'X2')!.purposes).toBeNull();
		expect(routes.find((r) => r.code === 'R')).toMatchObject({ purposes: null, name: { en: 'Research visa' }, version: 1 });
	});

	it('keeps the official calendar that working days are counted on', async () => {
		const ctx = await editor();
		await saveCalendarDay(ctx, 'kz', calendarDayInputFromForm({ date: '2031-03-04', kind: 'holiday', 'name.en': 'Extra holiday', ...source }));
		const calendar = async () => loadWorkingCalendar(ctx, 'KZ', '2031-03-01', '2031-03-31');
		expect((await calendar()).holidays.has('2031-03-04')).toBe(true);
		// The same date again replaces the day.
		await saveCalendarDay(ctx, 'kz', calendarDayInputFromForm({ date: '2031-03-04', kind: 'working_day', 'name.en': 'Moved working day', ...source }));
		expect((await calendar()).workingWeekendDays.has('2031-03-04')).toBe(true);
		await withdrawCalendarDay(ctx, 'kz', '2031-03-04');
		expect((await calendar()).workingWeekendDays.has('2031-03-04')).toBe(false);
		expect((await listCalendar(ctx, 'kz', 2031)).map((d) => [d.date, !!d.withdrawnAt])).toEqual([['2031-03-04', true]]);
		expect((await failure(saveCalendarDay(ctx, 'kz', calendarDayInputFromForm({ date: '2031-02-30', kind: 'holiday', 'name.en': '', ...source })))).fields).toEqual({ date: 'error_date_invalid', name: 'error_english_required' });
	});

	it('is for country editors and platform admins only', async () => {
		const member = await contextFor(platform, (await makeUser(platform, { platformRole: 'consortium_member' })).id);
		const inst = await makeInstitution(platform);
		const staff = await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id);
		for (const ctx of [member, staff]) {
			expect((await failure(listCountryRules(ctx, 'kz'))).status).toBe(404);
			expect((await failure(saveVisaRoute(ctx, 'kz', null, route({ code: 'sneaky' })))).status).toBe(404);
		}
		expect((await failure(listCountryRules(await editor(), 'xx'))).status).toBe(404);
	});
});
