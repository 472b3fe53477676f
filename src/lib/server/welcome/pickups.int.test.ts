import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGuides } from '../guides/guides.service';
import { institutionFactsheet } from '../institutions/factsheet.tables';
import { institution } from '../institutions/institutions.tables';
import { t } from '$lib/i18n/messages';
import { mailMessage } from '../mail/mail.tables';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { createTestPlatform } from '../testing/platform';
import { getMyCase, submitRequest } from './cases.service';
import { assignPickup, pickupBoard, saveSlot, unassignPickup } from './pickups.service';
import { files, PDF, welcomeSetting } from './welcome.testkit';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

const slotForm = (overrides: Record<string, string> = {}) => ({ date: '2027-01-25', fromTime: '21:00', toTime: '23:30', airport: 'NQZ, terminal 1', capacity: '3', driver: 'Yerlan, +7 701 000 00 00', driverEmail: 'yerlan@drivers.test', note: '', version: '0', ...overrides });

describe('airport pickups', () => {
	it('places pickup requests in slots by their arrival and seats, telling the applicant and the driver', async () => {
		const { inst, staff, pickup, me, student } = await welcomeSetting(platform);
		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 922' }, files({ 'doc.passport': { name: 'p.pdf', bytes: PDF } }));
		expect((await failure(saveSlot(staff, inst.id, null, slotForm({ toTime: '20:00', capacity: '0', driver: '' })))).fields).toEqual({ toTime: 'error_time_order', capacity: 'error_number_range', driver: 'error_required' });
		// The new-slot form sent twice makes one slot.
		const slotKey = crypto.randomUUID();
		const slot = (await Promise.all([saveSlot(staff, inst.id, null, slotForm({ submissionKey: slotKey })), saveSlot(staff, inst.id, null, slotForm({ submissionKey: slotKey }))])).find(Boolean)!;
		expect((await pickupBoard(staff, inst.id, '2027-01-01')).slots).toHaveLength(1);
		const tiny = (await saveSlot(staff, inst.id, null, slotForm({ capacity: '1', fromTime: '10:00', toTime: '11:00' })))!;

		// The request is dated from the profile's arrival (the service asks only for the flight); one person.
		const board = await pickupBoard(staff, inst.id, '2027-01-01');
		expect(board.requests).toEqual([{ id: c.id, number: c.number, name: expect.any(String), date: '2027-01-25', time: null, flight: 'KC 922', people: 1 }]);

		await assignPickup(staff, inst.id, { case: c.id, slot: slot.id });
		const after = await pickupBoard(staff, inst.id, '2027-01-01');
		expect(after.requests).toEqual([]);
		expect(after.slots.find((s) => s.id === slot.id)!.used).toBe(1);
		const mine = await getMyCase(me, c.id);
		expect(mine.events.find((e) => e.kind === 'message')!.body).toContain('NQZ, terminal 1');
		expect(mine.case.status).toBe('in_progress');
		expect((await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, 'yerlan@drivers.test'), eq(mailMessage.template, 'pickup_driver')))).length).toBe(1);
		expect((await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, student.email), eq(mailMessage.template, 'case_message')))).length).toBe(1);
		expect((await failure(assignPickup(staff, inst.id, { case: c.id, slot: slot.id }))).fields).toEqual({ [`slot.${c.id}`]: 'error_pickup_already' });

		await unassignPickup(staff, inst.id, { case: c.id });
		const big = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 922' }, files({ 'doc.passport': { name: 'p.pdf', bytes: PDF } }));
		await assignPickup(staff, inst.id, { case: c.id, slot: tiny.id });
		expect((await failure(assignPickup(staff, inst.id, { case: big.id, slot: tiny.id }))).fields).toEqual({ [`slot.${big.id}`]: 'error_slot_full' });

		const other = await welcomeSetting(platform);
		expect((await failure(pickupBoard(other.staff, inst.id, '2027-01-01'))).status).toBe(404);
		expect((await failure(assignPickup(other.staff, other.inst.id, { case: big.id, slot: slot.id }))).status).toBe(404);
	});

	it('writes to the driver in the institution’s language, with replies to its international office and no account wording', async () => {
		const { inst, staff, pickup, me } = await welcomeSetting(platform);
		await platform.db.update(institution).set({ defaultLocale: 'ru', name: { en: 'Steppe University', ru: 'Степной университет' } }).where(eq(institution.id, inst.id));
		await platform.db.insert(institutionFactsheet).values({ institutionId: inst.id, internationalOffice: { email: 'io@steppe.test' } });
		// The staff member reads the workspace in Chinese; the driver is local.
		const chineseStaff = { ...staff, locale: 'zh' as const };
		const driverMail = async (to: string) => (await platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, to), eq(mailMessage.template, 'pickup_driver'))))[0]!;

		const c = await submitRequest(me, pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 922' }, files({ 'doc.passport': { name: 'p.pdf', bytes: PDF } }));
		const slot = (await saveSlot(chineseStaff, inst.id, null, slotForm({ driverEmail: 'aidos@drivers.test', submissionKey: crypto.randomUUID() })))!;
		await assignPickup(chineseStaff, inst.id, { case: c.id, slot: slot.id });
		const mail = await driverMail('aidos@drivers.test');
		expect(mail.locale).toBe('ru');
		expect(mail.subject).toContain('Встреча в аэропорту 25 января 2027');
		expect(mail.text).toContain('всего 1 человек.');
		expect(mail.meta).toEqual({ replyTo: 'io@steppe.test' });
		expect(mail.text).toContain('Степной университет');
		expect(mail.text).not.toContain(t('mail_footer', 'ru'));
		expect(mail.text).not.toMatch(/аккаунт|mailto:/);
		expect(mail.html).not.toContain('href=');

		// Without an office address in the factsheet, replies go nowhere special; English speakers read "people" right.
		const plain = await welcomeSetting(platform);
		const d = await submitRequest(plain.me, plain.pickup.id, { submissionKey: crypto.randomUUID(), flight: 'KC 923' }, files({ 'doc.passport': { name: 'p.pdf', bytes: PDF } }));
		const plainSlot = (await saveSlot(plain.staff, plain.inst.id, null, slotForm({ driverEmail: 'bota@drivers.test', submissionKey: crypto.randomUUID() })))!;
		await assignPickup({ ...plain.staff, locale: 'ru' }, plain.inst.id, { case: d.id, slot: plainSlot.id });
		const english = await driverMail('bota@drivers.test');
		expect(english.locale).toBe('en');
		expect(english.meta).toEqual({});
		expect(english.text).toContain(`You receive this message because ${plain.inst.name.en} named you as the driver of an airport pickup`);
		expect(english.text).toContain('travelling alone');
		expect(english.text).not.toMatch(/your account|people in all|Reply/);
	});
});
