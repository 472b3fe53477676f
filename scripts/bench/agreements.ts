// The agreements part of `npm run bench`: 20,000 agreements over 1,000 institutions (a partner
// directory of 20 each), the filtered list as staff open it, and the iia-hash of a large agreement.
import { sql } from 'drizzle-orm';
import { parseAgreementQuery } from '../../src/lib/agreements/list-filters';
import type { startPlatform } from '../../src/lib/server/boot/platform';
import { listAgreements } from '../../src/lib/server/agreements/agreement-list';
import { contentFromForm } from '../../src/lib/server/agreements/agreement-form';
import { toIia } from '../../src/lib/server/agreements/agreement-content';
import { hashOfIia } from '../../src/lib/server/agreements/iia-xml';
import { rowsOf } from '../../src/lib/server/platform/sql-rows';
import { institutionDirectory } from '../../src/lib/server/institutions/institutions.views';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const summary = (times: number[]) => {
	times.sort((a, b) => a - b);
	return `p50 ${percentile(times, 50).toFixed(2)} ms · p95 ${percentile(times, 95).toFixed(2)} ms`;
};

/** An agreement's editor fields with `count` cooperation conditions of every kind, both ways. */
function fields(count: number) {
	const kinds = ['student-studies', 'student-traineeship', 'staff-teacher', 'staff-training'];
	const values: Record<string, string> = { count: String(count), ourIiaCode: 'BENCH/2026/01' };
	for (let i = 0; i < count; i++) {
		Object.assign(values, {
			[`c${i}.kind`]: kinds[i % 4]!,
			[`c${i}.direction`]: i % 2 ? 'in' : 'out',
			[`c${i}.firstYear`]: '2025/2026',
			[`c${i}.lastYear`]: `${2027 + (i % 4)}/${2028 + (i % 4)}`,
			[`c${i}.mobilities`]: String(1 + (i % 5)),
			[`c${i}.total`]: String(5 + i),
			[`c${i}.subjects`]: '0613 Software and applications development and analysis\n0713 Electricity and energy',
			[`c${i}.languages`]: 'en B2\nes B1 0613',
			[`c${i}.eqf6`]: 'on',
			[`c${i}.eqf7`]: 'on',
			[`c${i}.otherInfo`]: 'Nominations by 30 April for the autumn semester and by 31 October for the spring semester.'
		});
	}
	return values;
}

export async function timeAgreements(kind: string, platform: Platform, note: (line: string) => void) {
	const perInstitution = 20;
	const t0 = performance.now();
	const content = contentFromForm(fields(3), 'bench.example', 'partner.example');
	// A directory of 20 partners per institution, then one agreement with each: varied countries,
	// years, kinds of mobility, subject areas and approval states, as the list filters on them.
	await platform.db.execute(sql`
		insert into partner (institution_id, hei_id, name, country_code)
		select i.id, 'p' || k || '.bench.example', jsonb_build_object('en', 'Bench partner ' || k, 'zh', '基准伙伴 ' || k), (array['ES','SE','EE','PT','FR','CN','KZ','DE'])[1 + k % 8]
		from institution i cross join generate_series(1, ${perInstitution}) k
		on conflict do nothing`);
	await platform.db.execute(sql`
		insert into agreement (institution_id, partner_id, kind, iia_id, content, version, hash, partner_country, first_year, last_year, mobility_kinds, subject_areas,
			our_approval_hash, partner_approval_hash, updated_at)
		select p.institution_id, p.id, (array['erasmus','erasmus','bilateral','mou'])[1 + k % 4], gen_random_uuid()::text, ${JSON.stringify(content)}::jsonb, 1, md5(p.id::text),
			p.country_code, 2024 + k % 3, 2026 + k % 5,
			case k % 4 when 0 then array['student-studies','staff-teacher'] when 1 then array['student-traineeship'] when 2 then array['staff-training','staff-teacher'] else array['student-studies'] end,
			case (k / 4) % 4 when 0 then array['0613','0713'] when 1 then array['0311','0413'] when 2 then array['0731','0732'] else array['0912'] end,
			case when k % 3 > 0 then md5(p.id::text) end, case when k % 2 = 0 then md5(p.id::text) end,
			now() - k * interval '1 day'
		from (select p.*, row_number() over (partition by p.institution_id order by p.hei_id) as k from partner p where p.hei_id like '%.bench.example') p
		where not exists (select 1 from agreement a where a.partner_id = p.id)`);
	await platform.db.execute(sql`vacuum analyze partner, agreement`);
	const [{ count }] = rowsOf<{ count: number }>(await platform.db.execute(sql`select count(*)::int as count from agreement`));
	const built = ((performance.now() - t0) / 1000).toFixed(0);

	const ids = (await platform.db.select({ id: institutionDirectory.id }).from(institutionDirectory)).map((r) => r.id);
	const actor = { userId: 'bench', email: 'bench@example.org', platformRole: 'platform_admin' as const, memberships: new Map() };
	const ctx = { ...platform, actor, requestId: null, locale: 'en' as const };
	const queries = ['', 'q=partner+1', 'country=ES', 'status=ours', 'expiry=next', 'subject=06', 'mobility=staff-teacher&kind=erasmus', 'status=approved&expiry=running', 'q=基准&subject=07', 'status=copy'];
	for (let i = 0; i < 30; i++) await listAgreements(ctx, ids[i % ids.length]!, parseAgreementQuery(new URLSearchParams(queries[i % queries.length]))); // warm up
	const times: number[] = [];
	for (let i = 0; i < 300; i++) {
		const t = performance.now();
		await listAgreements(ctx, ids[(i * 37) % ids.length]!, parseAgreementQuery(new URLSearchParams(queries[i % queries.length])));
		times.push(performance.now() - t);
	}
	note(`| ${kind} | agreement list, ${count.toLocaleString('en')} agreements in ${ids.length.toLocaleString('en')} institutions, 300 varied filters (search, country, status, expiry, subject, mobility) | ${summary(times)} (agreements added in ${built} s) |`);

	// The iia-hash of an agreement of 20 cooperation conditions: the XML, its canonical text, SHA-256.
	const large = toIia(contentFromForm(fields(20), 'bench.example', 'partner.example'), 'bench-iia', false);
	for (let i = 0; i < 20; i++) hashOfIia(large);
	const hashTimes: number[] = [];
	for (let i = 0; i < 300; i++) {
		const t = performance.now();
		hashOfIia(large);
		hashTimes.push(performance.now() - t);
	}
	note(`| ${kind} | iia-hash of an agreement with 20 cooperation conditions (XML, text-to-hash, SHA-256), 300 times | ${summary(hashTimes)} |`);
}
