/**
 * Buddies: local students who volunteer to help incoming people. Suggestions rank buddies by
 * the languages both speak and the interests they share, among buddies with room left. Pure.
 */
export const SPOKEN_LANGUAGES = ['en', 'ru', 'kk', 'zh', 'ar', 'de', 'es', 'fa', 'fr', 'hi', 'it', 'ja', 'ko', 'ky', 'mn', 'pl', 'pt', 'tg', 'tr', 'uk', 'ur', 'uz'] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

export interface BuddyCandidate {
	id: string;
	languages: string[];
	interests: string;
	capacity: number;
	matched: number;
	active: boolean;
}

const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));

/** Shared languages count most (a buddy must be understood); shared interests break ties. */
export function matchScore(person: { languages: string[]; interests: string }, buddy: Pick<BuddyCandidate, 'languages' | 'interests'>) {
	const languages = person.languages.filter((l) => buddy.languages.includes(l));
	const mine = words(person.interests);
	const interests = [...words(buddy.interests)].filter((w) => mine.has(w));
	return { score: languages.length * 10 + interests.length, languages, interests };
}

/** The best buddies for a person: active, with room, sharing at least one language. */
export function suggestBuddies<B extends BuddyCandidate>(person: { languages: string[]; interests: string }, buddies: B[], limit = 3) {
	return buddies
		.filter((b) => b.active && b.matched < b.capacity)
		.map((b) => ({ buddy: b, ...matchScore(person, b) }))
		.filter((s) => s.languages.length > 0)
		.sort((a, b) => b.score - a.score || a.buddy.matched - b.buddy.matched)
		.slice(0, limit);
}
