import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { TimelineStep } from '../guides/planner';
import { escapeIcsText, eventsToIcs, foldIcsLine, newsToAtom, timelineToIcs, writeIcs } from './calendar';

// ---- a small reader for what the tests check (RFC 5545 §3.1 unfolding, §3.3.11 text) ----

interface Component {
	name: string;
	props: { name: string; params: string; value: string }[];
	children: Component[];
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function parseIcs(ics: string): Component {
	expect(ics.endsWith('\r\n')).toBe(true);
	const lines = unfold(ics).split('\r\n').slice(0, -1);
	const root: Component = { name: '', props: [], children: [] };
	const stack = [root];
	for (const line of lines) {
		const colon = line.indexOf(':');
		expect(colon, line).toBeGreaterThan(0);
		const [name, ...params] = line.slice(0, colon).split(';');
		const value = line.slice(colon + 1);
		const top = stack.at(-1)!;
		if (name === 'BEGIN') {
			const child: Component = { name: value, props: [], children: [] };
			top.children.push(child);
			stack.push(child);
		} else if (name === 'END') {
			expect(top.name).toBe(value);
			stack.pop();
		} else top.props.push({ name: name!, params: params.join(';'), value });
	}
	expect(stack).toHaveLength(1);
	expect(root.children).toHaveLength(1);
	return root.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const text = (c: Component, name: string) => {
	const p = prop(c, name);
	return p ? unescapeText(p.value) : undefined;
};

/** Every physical line within 75 octets, CRLF line ends, continuation lines start with one space. */
function expectFolded(ics: string) {
	expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	const lines = ics.split('\r\n').slice(0, -1);
	for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
	for (const line of lines.filter((l) => /^[ \t]/.test(l))) expect(line.startsWith(' ')).toBe(true);
	// Folding never splits a character: each physical line is valid UTF-8 on its own.
	for (const line of lines) expect(Buffer.from(Buffer.from(line, 'utf8').toString('utf8'), 'utf8').toString('utf8')).toBe(line);
}

function expectValidAlarm(event: Component) {
	const alarms = event.children.filter((c) => c.name === 'VALARM');
	expect(alarms).toHaveLength(1);
	const alarm = alarms[0]!;
	expect(prop(alarm, 'ACTION')?.value).toBe('DISPLAY');
	expect(text(alarm, 'DESCRIPTION')?.trim()).toBeTruthy();
	// A relative trigger before the start: a valid dur-value (§3.3.6), never "P1DT".
	expect(prop(alarm, 'TRIGGER')?.value).toMatch(/^-P(?:\d+W|\d+D|(?:\d+D)?T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))$/);
	return alarm;
}

const zhTitle = '2027年同济大学国际学生开放日：土木工程、建筑与城市规划学院介绍及校园参观，欢迎所有感兴趣的学生参加';
const zhSummary =
	'同济大学国际学生办公室邀请来自哈萨克斯坦、俄罗斯和欧洲合作院校的学生参加开放日。活动包括：学院介绍；实验室参观；奖学金申请说明（中国政府奖学金、上海市政府奖学金）；签证与居留许可办理流程。\n请提前报名，名额有限。';
const kkTitle = 'Әл-Фараби атындағы Қазақ ұлттық университетіндегі халықаралық студенттерге арналған бейімдеу апталығы';
const kkSummary =
	'Шетелдік студенттерге арналған бейімдеу апталығы: көші-қон полициясында тіркелу, медициналық тексеру, жатақханаға орналасу, банк картасын ашу; қалаға экскурсия.\nТіркелу міндетті, орын саны шектеулі.';

describe('line folding (RFC 5545 §3.1)', () => {
	it('folds at 75 octets, not characters, without splitting a character, and unfolds to the original', () => {
		for (const line of [`SUMMARY:${zhTitle}`, `DESCRIPTION:${escapeIcsText(kkSummary)}`, `SUMMARY:${'😀'.repeat(40)}`, `X:${'a'.repeat(300)}`]) {
			const folded = foldIcsLine(line);
			for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
			expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' ') && !l.startsWith('  '))).toBe(true);
			expect(unfold(folded)).toBe(line);
		}
		expect(foldIcsLine('A'.repeat(75))).toBe('A'.repeat(75));
		expect(foldIcsLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
		// 25 three-octet characters fill a line exactly; the 26th goes to the next one.
		expect(foldIcsLine('中'.repeat(26)).split('\r\n')).toEqual(['中'.repeat(25), ' 中']);
	});

	it('escapes text values', () => {
		expect(escapeIcsText('a,b;c\\d\r\ne\nf\u0007')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
	});

	it('refuses a reminder that is not a valid duration', () => {
		const event = { uid: 'x', summary: 'x', start: { date: '2027-01-01' }, end: { date: '2027-01-02' } };
		expect(() => writeIcs({ productId: 'p', name: 'n' }, [{ ...event, alarm: { before: 'P1DT', description: 'x' } }])).toThrow(RangeError);
		expect(() => writeIcs({ productId: 'p', name: 'n' }, [{ ...event, alarm: { before: 'P1D', description: 'x' } }])).not.toThrow();
	});
});

describe('events calendar', () => {
	const events = [
		{ slug: 'open-day-tongji-2027', title: { en: 'Open day', zh: zhTitle, kk: kkTitle }, summary: { zh: zhSummary, kk: kkSummary }, startsOn: '2027-03-20', endsOn: '2027-03-21', city: { zh: '上海', kk: 'Шанхай' }, online: false },
		{ slug: 'webinar-2027', title: { en: 'Webinar', zh: '线上说明会，签证；居留', kk: 'Вебинар' }, summary: {}, startsOn: '2027-02-01', endsOn: '2027-02-01', city: {}, online: true }
	];

	for (const locale of ['zh', 'kk'] as const) {
		it(`writes ${locale} titles and descriptions in lines of at most 75 octets that unfold to the text`, () => {
			const ics = eventsToIcs(events, locale, 'https://welcome.example', locale === 'zh' ? 'WELCOME · 活动' : 'WELCOME · Іс-шаралар');
			expectFolded(ics);
			const calendar = parseIcs(ics);
			expect(calendar.name).toBe('VCALENDAR');
			expect(text(calendar, 'X-WR-CALNAME')).toBe(locale === 'zh' ? 'WELCOME · 活动' : 'WELCOME · Іс-шаралар');
			const [first, second] = calendar.children;
			expect(text(first!, 'SUMMARY')).toBe(locale === 'zh' ? zhTitle : kkTitle);
			expect(text(first!, 'DESCRIPTION')).toBe(`${locale === 'zh' ? zhSummary : kkSummary}\n\nhttps://welcome.example/${locale}/events/open-day-tongji-2027`);
			expect(prop(first!, 'DTSTART')).toEqual({ name: 'DTSTART', params: 'VALUE=DATE', value: '20270320' });
			expect(prop(first!, 'DTEND')).toEqual({ name: 'DTEND', params: 'VALUE=DATE', value: '20270322' });
			expect(prop(first!, 'DTSTAMP')?.value).toMatch(/^\d{8}T\d{6}Z$/);
			if (locale === 'zh') expect(text(second!, 'SUMMARY')).toBe('线上说明会，签证；居留');
		});
	}

	it('reminds of each event at 09:00 the day before', () => {
		const calendar = parseIcs(eventsToIcs(events, 'zh', 'https://welcome.example', 'WELCOME'));
		expect(calendar.children).toHaveLength(2);
		for (const event of calendar.children) {
			const alarm = expectValidAlarm(event);
			expect(prop(alarm, 'TRIGGER')?.value).toBe('-PT15H');
			expect(text(alarm, 'DESCRIPTION')).toBe(text(event, 'SUMMARY'));
		}
	});

	it('writes an empty calendar when there are no events', () => {
		const ics = eventsToIcs([], 'en', 'https://welcome.example', 'WELCOME, Events');
		expect(parseIcs(ics).children).toEqual([]);
		expect(ics).toContain('X-WR-CALNAME:WELCOME\\, Events\r\n');
	});
});

describe('arrival planner calendar', () => {
	const institution = { slug: 'enu', shortName: 'ENU', name: { en: 'L.N. Gumilyov Eurasian National University', kk: 'Л.Н. Гумилев атындағы Еуразия ұлттық университеті' }, defaultLocale: 'kk' };
	const rule = (date: string, time?: string): Extract<TimelineStep, { kind: 'rule' }> => ({
		kind: 'rule',
		due: { date, ...(time ? { time } : {}) },
		code: 'migration-registration',
		ruleCode: 'migration-registration',
		occurrence: null,
		anchor: 'arrival',
		title: { en: 'Registration with the migration police', kk: 'Көші-қон полициясында тіркелу (шетелдік студенттер үшін міндетті рәсім)', zh: '在移民警察局登记' },
		description: { kk: kkSummary, zh: zhSummary },
		offset: 3,
		unit: 'working_days',
		responsible: 'host',
		condition: null,
		sourceUrl: null,
		verifiedOn: null,
		unverified: false
	});
	const steps = (time?: string): TimelineStep[] => [
		{ kind: 'visa_start', due: { date: '2027-06-21' }, processingDaysMax: 15, late: false },
		{ kind: 'arrival', due: { date: '2027-08-30', ...(time ? { time } : {}) } },
		rule('2027-09-02'),
		{ kind: 'departure', due: { date: '2028-06-30' } }
	];
	const link = 'https://welcome.example/kk/arrival-planner?institution=enu&nationality=CN&stay=300&arrival=2027-08-30';
	const plan = (time: string | undefined, timeZone: string | null) => ({ steps: steps(time), institution, input: { arrival: '2027-08-30', time }, guide: timeZone ? { timeZone } : null });
	const arrivalOf = (ics: string) => parseIcs(ics).children.find((e) => text(e, 'SUMMARY')?.includes(institution.name.kk) || text(e, 'SUMMARY')?.includes('ENU'))!;

	it('puts a known arrival time in the destination’s time zone, written in UTC', () => {
		// Kazakhstan has been on UTC+5 since March 2024: 14:30 in Astana is 09:30 UTC.
		const ics = timelineToIcs(plan('14:30', 'Asia/Almaty'), 'kk', link);
		expectFolded(ics);
		const arrival = arrivalOf(ics);
		expect(prop(arrival, 'DTSTART')).toEqual({ name: 'DTSTART', params: '', value: '20270830T093000Z' });
		expect(prop(arrival, 'DTEND')).toEqual({ name: 'DTEND', params: '', value: '20270830T103000Z' });
		expect(text(arrival, 'DESCRIPTION')).toContain('14:30 (Asia/Almaty)');
		// China: UTC+8, and a landing after 16:00 UTC is the previous UTC day.
		const shanghai = arrivalOf(timelineToIcs(plan('06:15', 'Asia/Shanghai'), 'zh', link));
		expect(prop(shanghai, 'DTSTART')?.value).toBe('20270829T221500Z');
	});

	it('keeps the arrival all day when no time is given, and floating when the zone is unknown', () => {
		const allDay = arrivalOf(timelineToIcs(plan(undefined, 'Asia/Almaty'), 'kk', link));
		expect(prop(allDay, 'DTSTART')).toEqual({ name: 'DTSTART', params: 'VALUE=DATE', value: '20270830' });
		expect(prop(allDay, 'DTEND')).toEqual({ name: 'DTEND', params: 'VALUE=DATE', value: '20270831' });
		const floating = arrivalOf(timelineToIcs(plan('23:30', null), 'kk', link));
		expect(prop(floating, 'DTSTART')?.value).toBe('20270830T233000');
		expect(prop(floating, 'DTEND')?.value).toBe('20270831T003000');
	});

	it('reminds of the arrival and of every deadline the day before, not of the end of the stay', () => {
		for (const time of ['14:30', undefined]) {
			const calendar = parseIcs(timelineToIcs(plan(time, 'Asia/Almaty'), 'kk', link));
			expect(calendar.children).toHaveLength(4);
			const [visa, arrival, registration, departure] = calendar.children;
			for (const event of [visa!, arrival!, registration!]) expectValidAlarm(event);
			expect(prop(expectValidAlarm(arrival!), 'TRIGGER')?.value).toBe(time ? '-P1D' : '-PT15H');
			expect(prop(expectValidAlarm(registration!), 'TRIGGER')?.value).toBe('-PT15H');
			expect(text(expectValidAlarm(registration!), 'DESCRIPTION')).toContain('Көші-қон полициясында тіркелу');
			expect(departure!.children).toEqual([]);
		}
	});

	for (const locale of ['zh', 'kk'] as const) {
		it(`writes the ${locale} timeline in lines of at most 75 octets that unfold to the text`, () => {
			const ics = timelineToIcs(plan('14:30', 'Asia/Almaty'), locale, link);
			expectFolded(ics);
			const registration = parseIcs(ics).children[2]!;
			expect(text(registration, 'SUMMARY')).toBe(locale === 'zh' ? '在移民警察局登记' : 'Көші-қон полициясында тіркелу (шетелдік студенттер үшін міндетті рәсім)');
			expect(text(registration, 'DESCRIPTION')).toBe(`${locale === 'zh' ? zhSummary : kkSummary}\n\n${link}`);
			const arrival = parseIcs(ics).children[1]!;
			// No Chinese name: the institution's own language comes next (kk), as on the page.
			expect(text(arrival, 'SUMMARY')).toContain(institution.name.kk);
		});
	}

	it('names the year of a yearly step, so each renewal is its own entry', () => {
		const renewal = (year: number): TimelineStep => ({ ...rule(`${2027 + year}-07-31`), code: `c9_renewal.${year}`, ruleCode: 'c9_renewal', occurrence: year, anchor: 'before_anniversary', offset: 30, unit: 'calendar_days', title: { kk: 'Студенттік визаңызды (C9) келесі жылға ұзартыңыз' } });
		const ics = timelineToIcs({ ...plan('14:30', 'Asia/Almaty'), steps: [renewal(1), renewal(2)] }, 'kk', link);
		expect(parseIcs(ics).children.map((e) => text(e, 'SUMMARY'))).toEqual([
			'Студенттік визаңызды (C9) келесі жылға ұзартыңыз (болудың 1-жылы)',
			'Студенттік визаңызды (C9) келесі жылға ұзартыңыз (болудың 2-жылы)'
		]);
	});
});

describe('Atom feed', () => {
	const items = [
		{ slug: 'open-day', title: { en: 'Open day', zh: '开放日' }, summary: { en: 'Come & see <us>' }, publishedAt: new Date('2027-03-01T08:00:00Z'), institutionSlug: 'tongji', institutionShortName: 'Tongji' },
		{ slug: 'planner-launch', title: { en: 'Planner' }, summary: {}, publishedAt: new Date('2027-02-01T08:00:00Z'), institutionSlug: null, institutionShortName: null }
	];
	const children = (el: { children: unknown[] }, name: string) => (el.children as { type: string; name?: string; children: unknown[] }[]).filter((c) => c.type === 'tag' && c.name === name);
	const textOf = (el: { children: unknown[] }) => (el.children as { data?: string }[]).map((c) => c.data ?? '').join('');

	it('names the platform as the feed’s author and the institution as its news’ author (RFC 4287 §4.1.1)', () => {
		const doc = parseDocument(newsToAtom(items, 'en', 'https://welcome.example', 'WELCOME · News', 'WELCOME'), { xmlMode: true });
		const [feed] = children(doc, 'feed');
		expect(feed).toBeDefined();
		const [author] = children(feed!, 'author');
		expect(textOf(children(author!, 'name')[0]!)).toBe('WELCOME');
		const entries = children(feed!, 'entry');
		expect(entries).toHaveLength(2);
		const [byInstitution] = children(entries[0]!, 'author');
		expect(textOf(children(byInstitution!, 'name')[0]!)).toBe('Tongji');
		expect(textOf(children(byInstitution!, 'uri')[0]!)).toBe('https://welcome.example/en/institutions/tongji');
		// Platform news inherits the feed's author; every entry has one either way.
		expect(children(entries[1]!, 'author')).toHaveLength(0);
		expect(textOf(children(entries[0]!, 'summary')[0]!)).toBe('Come & see <us>');
	});

	it('has an author even without entries, in the reader’s language by default', () => {
		const doc = parseDocument(newsToAtom([], 'zh', 'https://welcome.example', 'WELCOME · 新闻'), { xmlMode: true });
		const [feed] = children(doc, 'feed');
		const [author] = children(feed!, 'author');
		expect(textOf(children(author!, 'name')[0]!).trim()).not.toBe('');
		expect(children(feed!, 'entry')).toHaveLength(0);
	});
});
