import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { getGuideForEditing, listGuidesForEditing, updateGuideTexts } from './guide-editing.service';
import { seedGuides } from './guides.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedGuides(platform);
});
afterAll(async () => platform?.close());

describe('country guide editing', () => {
	it('lets platform admins update the texts with their source and check date, audited', async () => {
		const admin = await contextFor(platform, (await makeUser(platform, { platformRole: 'platform_admin' })).id);
		const guide = await getGuideForEditing(admin, 'kz');
		const input = {
			summary: { ...guide.summary, zh: '哈萨克斯坦：留学指南摘要' },
			creditSystem: guide.creditSystem,
			gradeScale: guide.gradeScale,
			academicCalendar: guide.academicCalendar,
			insurance: guide.insurance,
			sourceUrl: 'https://www.gov.kz/',
			verifiedOn: '2026-11-28',
			unverified: '',
			version: guide.version
		};
		const saved = await updateGuideTexts(admin, 'kz', input);
		expect(saved.summary.zh).toBe('哈萨克斯坦：留学指南摘要');
		expect(saved).toMatchObject({ verifiedOn: '2026-11-28', sourceUrl: 'https://www.gov.kz/', unverified: false });
		expect(await failure(updateGuideTexts(admin, 'kz', input))).toMatchObject({ status: 409 });
		expect((await failure(updateGuideTexts(admin, 'kz', { ...input, version: saved.version, verifiedOn: '2026-02-30', sourceUrl: 'gov.kz' }))).fields).toEqual({ sourceUrl: 'error_url_invalid', verifiedOn: 'error_date_invalid' });
		const { events } = await listAuditEvents(admin);
		expect(events[0]).toMatchObject({ action: 'guide.update', entityId: 'KZ' });
		expect((await listGuidesForEditing(admin)).find((g) => g.countryCode === 'KZ')?.verifiedOn).toBe('2026-11-28');
	});

	it('is closed to everyone else', async () => {
		const inst = await makeInstitution(platform);
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'institution_admin', institutionId: inst.id })).id);
		expect(await failure(getGuideForEditing(editor, 'kz'))).toMatchObject({ status: 404 });
	});
});
