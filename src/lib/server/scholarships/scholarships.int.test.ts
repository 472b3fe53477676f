import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed';
import { institution } from '../institutions/institutions.tables';
import type { RunningPlatform } from '../boot/platform';
import { programme } from '../programmes/programmes.tables';
import { contextFor } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { findScholarships, parseScholarshipQuery, SCHOLARSHIPS_PAGE_SIZE, scholarshipsForProgramme } from './scholarships.service';
import { scholarship } from './scholarships.tables';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
	await seedDemo(platform);
});
afterAll(async () => platform?.close());

const find = async (query: string) =>
	(await findScholarships(await contextFor(platform, null), parseScholarshipQuery(new URLSearchParams(query)).filters)).items.map((s) => s.slug);

describe('the scholarship finder', () => {
	it('shows a Kazakh citizen the Chinese Government Scholarship but not Kazakhstan’s grant for foreigners', async () => {
		const slugs = await find('nationality=KZ&level=master');
		expect(slugs).toContain('chinese-government-scholarship');
		expect(slugs).not.toContain('kazakhstan-government-grant');
	});

	it('shows a Chinese citizen Kazakhstan’s grant, and not China’s own scholarship', async () => {
		const slugs = await find('nationality=CN&level=doctoral');
		expect(slugs).toContain('kazakhstan-government-grant');
		expect(slugs).not.toContain('chinese-government-scholarship');
	});

	it('keeps a scholarship for named nationalities to those nationalities', async () => {
		expect(await find('nationality=KZ&level=exchange')).toContain('erasmus-plus-credit-mobility-upc');
		expect(await find('nationality=IN&level=exchange')).not.toContain('erasmus-plus-credit-mobility-upc');
	});

	it('finds scholarships that cover everything asked for', async () => {
		const slugs = await find('covers=housing&covers=insurance');
		expect(slugs.sort()).toEqual(['chinese-government-scholarship', 'shanghai-government-scholarship-tongji']);
	});

	it('respects the fields a scholarship is limited to', async () => {
		expect(await find('field=04&country=KZ&nationality=UZ&level=bachelor')).toContain('narxoz-international-excellence');
		expect(await find('field=07&country=KZ&nationality=UZ&level=bachelor')).not.toContain('narxoz-international-excellence');
	});

	it('drops unknown filter values and names them', () => {
		const { filters, ignored } = parseScholarshipQuery(new URLSearchParams('nationality=ZZ&covers=yacht&level=master'));
		expect(filters).toMatchObject({ nationality: null, covers: [], level: 'master' });
		expect(ignored.sort()).toEqual(['covers', 'nationality']);
	});
});

describe('scholarships on a programme page', () => {
	it('lists the national and the institution’s own scholarships that fit the programme', async () => {
		const [row] = await platform.db
			.select({ programme, countryCode: institution.countryCode })
			.from(programme)
			.innerJoin(institution, eq(institution.id, programme.institutionId))
			.where(eq(programme.slug, 'civil-engineering-meng'));
		const ctx = await contextFor(platform, null);
		const list = await scholarshipsForProgramme(ctx, { ...row!.programme, countryCode: row!.countryCode });
		expect(list.map((s) => s.slug).sort()).toEqual(['chinese-government-scholarship', 'shanghai-government-scholarship-tongji']);
		const short = await scholarshipsForProgramme(ctx, { ...row!.programme, level: 'short_course', countryCode: 'CN' });
		expect(short).toEqual([]);
	});
});

describe('the scholarship finder’s pages', () => {
	it('shows a page at a time with the total; a page past the last is the last, a malformed one the first', async () => {
		const ctx = await contextFor(platform, null);
		const query = (q: string) => findScholarships(ctx, parseScholarshipQuery(new URLSearchParams(q)).filters);
		const before = (await query('country=EE')).total;
		const added = SCHOLARSHIPS_PAGE_SIZE + 4;
		await platform.db.insert(scholarship).values(Array.from({ length: added }, (_, i) => ({ slug: `paged-grant-${String(i).padStart(2, '0')}`, countryCode: 'EE', provider: { en: 'Test' }, name: { en: `Grant ${i}` }, levels: ['master'], covers: ['tuition'], status: 'published' as const })));
		const total = before + added;
		const pageCount = Math.ceil(total / SCHOLARSHIPS_PAGE_SIZE);
		const first = await query('country=EE');
		expect(first).toMatchObject({ total, page: 1, pageCount, pageSize: SCHOLARSHIPS_PAGE_SIZE });
		expect(first.items).toHaveLength(SCHOLARSHIPS_PAGE_SIZE);
		const last = await query(`country=EE&page=${pageCount}`);
		expect(last.items).toHaveLength(total - (pageCount - 1) * SCHOLARSHIPS_PAGE_SIZE);
		expect(await query('country=EE&page=999999999')).toEqual(last);
		const malformed = parseScholarshipQuery(new URLSearchParams('country=EE&page=99999999999999999999'));
		expect(malformed.ignored).toEqual(['page']);
		expect((await findScholarships(ctx, malformed.filters)).page).toBe(1);
		expect((await query('country=EE&page=0')).page).toBe(1);
		await platform.db.delete(scholarship).where(like(scholarship.slug, 'paged-grant-%'));
	});
});
