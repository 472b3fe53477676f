import { describe, expect, it } from 'vitest';
import { matchScore, suggestBuddies } from './buddy-match';

const buddy = (id: string, languages: string[], interests: string, matched = 0, capacity = 2) => ({ id, languages, interests, capacity, matched, active: true });

describe('buddy suggestions', () => {
	it('rank shared languages first, then shared interests, and skip full or speechless matches', () => {
		const person = { languages: ['hi', 'en'], interests: 'Football, chess and hiking' };
		const list = [buddy('a', ['kk', 'ru'], 'football chess'), buddy('b', ['en', 'ru'], 'painting'), buddy('c', ['en', 'hi'], 'cooking'), buddy('d', ['en'], 'chess, hiking'), buddy('e', ['en', 'hi'], 'chess', 2, 2)];
		expect(suggestBuddies(person, list).map((s) => s.buddy.id)).toEqual(['c', 'd', 'b']);
		expect(matchScore(person, list[3]!)).toEqual({ score: 12, languages: ['en'], interests: ['chess', 'hiking'] });
	});
});
