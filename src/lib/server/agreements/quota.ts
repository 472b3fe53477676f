import { conditionYears, type AgreementContent } from './agreement-content';

/**
 * Use against quota: for each condition coming to us, per academic year it covers, the people
 * linked to the agreement for its kind of mobility against its mobilities per year. Conditions
 * going out are counted from nominations (not yet on the platform): null. Two incoming
 * conditions of one kind share their count, as a link names the kind, not the condition.
 */
export function conditionQuotas(content: AgreementContent, usage: { kind: string; year: number | null; count: number }[]) {
	const used = (kind: string, year: number) => usage.filter((u) => u.kind === kind && u.year === year).reduce((sum, u) => sum + u.count, 0);
	return content.conditions.map((c) =>
		c.receivingHeiId === content.ours.heiId ? conditionYears(c).map((year) => ({ year: `${year}/${year + 1}`, used: used(c.kind, year), quota: c.mobilitiesPerYear, over: used(c.kind, year) > c.mobilitiesPerYear })) : null
	);
}

/** Everyone linked to the agreement: exchanges that took place or are planned. */
export const exchangesUnder = (usage: { count: number }[]) => usage.reduce((sum, u) => sum + u.count, 0);
