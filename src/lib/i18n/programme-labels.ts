import { m } from '$lib/paraglide/messages';

/** Translated labels of the programme taxonomy (levels, ISCED-F broad fields, terms). */
export function levelLabel(level: string) {
	return (
		{
			bachelor: m.level_bachelor(),
			master: m.level_master(),
			doctoral: m.level_doctoral(),
			exchange: m.level_exchange(),
			short_course: m.level_short_course()
		}[level] ?? level
	);
}

export function fieldLabel(code: string) {
	return (
		{
			'00': m.isced_00(),
			'01': m.isced_01(),
			'02': m.isced_02(),
			'03': m.isced_03(),
			'04': m.isced_04(),
			'05': m.isced_05(),
			'06': m.isced_06(),
			'07': m.isced_07(),
			'08': m.isced_08(),
			'09': m.isced_09(),
			'10': m.isced_10()
		}[code.slice(0, 2)] ?? code
	);
}

export function termLabel(term: string) {
	return term === 'spring' ? m.term_spring() : term === 'autumn' ? m.term_autumn() : term;
}
