import { describe, expect, it } from 'vitest';
import { diffSnapshots, diffText } from './revision-diff';

const fields = { localized: ['title', 'body'], plain: ['slug'] };

describe('readable revision diffs', () => {
	it('shows which words were added and removed', () => {
		expect(diffText('Open day in May', 'Open day on 5 May')).toEqual([
			{ kind: 'same', text: 'Open day ' },
			{ kind: 'removed', text: 'in' },
			{ kind: 'added', text: 'on 5' },
			{ kind: 'same', text: ' May' }
		]);
	});

	it('splits Chinese into words rather than treating a sentence as one token', () => {
		const parts = diffText('我们欢迎国际学生', '我们欢迎国际教师', 'zh');
		expect(parts.find((p) => p.kind === 'same')?.text).toContain('我们');
		expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text).join('')).not.toContain('我们');
	});

	it('lists only what changed, language by language', () => {
		const before = { slug: 'open-day', title: { en: 'Open day', kk: 'Ашық есік күні' }, body: { en: 'Come.' } };
		const after = { slug: 'open-day-2027', title: { en: 'Open day', kk: 'Ашық есік күні!', zh: '开放日' }, body: { en: 'Come.' } };
		const changes = diffSnapshots(before, after, fields);
		expect(changes.map((c) => [c.field, c.locale])).toEqual([
			['title', 'kk'],
			['title', 'zh'],
			['slug', null]
		]);
		expect(changes[1]!.parts).toEqual([{ kind: 'added', text: '开放日' }]);
	});

	it('treats a first version as all added', () => {
		const changes = diffSnapshots(null, { slug: 'a', title: { en: 'A' }, body: {} }, fields);
		expect(changes.every((c) => c.parts.every((p) => p.kind === 'added'))).toBe(true);
	});
});
