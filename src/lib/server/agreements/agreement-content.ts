import { isIscedDetailedCode } from '$lib/agreements/isced-f.data';
import { isEwpIdentifier } from '$lib/ewp/ids';
import type { MessageKey } from '$lib/i18n/messages';
import { CEFR_LEVELS, MOBILITY_KINDS, academicYearStart, isStudentMobility, type CooperationCondition, type Iia, type IiaContact, type LanguageSkill, type MobilityKind, type SubjectArea } from './iia';

/**
 * What an agreement says, as staff edit it: the two sides and the cooperation conditions, each
 * condition going out (our people to the partner) or coming in. `toIia` turns it into the
 * IIA v7 model, with us as the first partner, for the hash, the XML and the comparison.
 */
export interface AgreementSide {
	heiId: string;
	ounitId?: string;
	iiaCode?: string;
	signingContact?: IiaContact;
	/** ISO date. */
	signingDate?: string;
}

export interface AgreementContent {
	ours: AgreementSide;
	partner: AgreementSide & { iiaId?: string };
	terminated: boolean;
	conditions: CooperationCondition[];
}

export function toIia(content: AgreementContent, iiaId: string, inEffect: boolean): Iia {
	const side = (s: AgreementSide, id: string | undefined) => ({ heiId: s.heiId, ounitId: s.ounitId, iiaId: id, iiaCode: s.iiaCode, signingContact: s.signingContact, signingDate: s.signingDate, contacts: [] });
	return {
		partners: [side(content.ours, iiaId), side(content.partner, content.partner.iiaId)],
		inEffect,
		terminatedAsAWhole: content.terminated,
		conditions: content.conditions
	};
}

/** Whether a condition sends our people to the partner. */
export const isOutgoing = (condition: CooperationCondition, ourHeiId: string) => condition.sendingHeiId === ourHeiId;

/** The academic years a condition covers, as the start years (2025 for 2025/2026). */
export function conditionYears(condition: CooperationCondition): number[] {
	const first = academicYearStart(condition.firstAcademicYear);
	const last = academicYearStart(condition.lastAcademicYear);
	if (first === undefined || last === undefined || last < first) return [];
	return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** What the agreement list filters on. */
export function listColumns(content: AgreementContent) {
	const years = content.conditions.flatMap(conditionYears);
	return {
		firstYear: years.length ? Math.min(...years) : 0,
		lastYear: years.length ? Math.max(...years) : 0,
		mobilityKinds: [...new Set(content.conditions.map((c) => c.kind))],
		subjectAreas: [...new Set(content.conditions.flatMap((c) => c.subjectAreas.map((s) => s.iscedCode)))].sort(),
		terminated: content.terminated
	};
}

export type ContentErrors = Record<string, MessageKey>;

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;

/**
 * The rules of IIA v7 and of common sense on an agreement's content, as field errors named
 * like the editor's fields (`c0.lastYear`). `units` are the ounit-ids each side may use.
 */
export function checkContent(content: AgreementContent, units: { ours: Set<string>; partner: Set<string> }): ContentErrors {
	const errors: ContentErrors = {};
	const { ours, partner } = content;
	if (ours.heiId === partner.heiId) errors.partnerId = 'error_partner_is_self';
	if (ours.ounitId && !units.ours.has(ours.ounitId)) errors.ourUnit = 'error_choose_one';
	if (partner.ounitId && !units.partner.has(partner.ounitId)) errors.partnerUnit = 'error_choose_one';
	if (partner.iiaId && !isEwpIdentifier(partner.iiaId)) errors.partnerIiaId = 'error_ewp_identifier_invalid';
	if (!content.conditions.length) errors.conditions = 'error_conditions_none';
	content.conditions.forEach((c, i) => {
		const at = (field: string, key: MessageKey) => {
			errors[`c${i}.${field}`] ??= key;
		};
		if (!MOBILITY_KINDS.includes(c.kind)) at('kind', 'error_choose_one');
		const first = academicYearStart(c.firstAcademicYear);
		const last = academicYearStart(c.lastAcademicYear);
		if (first === undefined) at('firstYear', 'error_academic_year_invalid');
		if (last === undefined) at('lastYear', 'error_academic_year_invalid');
		if (first !== undefined && last !== undefined && last < first) at('lastYear', 'error_years_backwards');
		if (!Number.isInteger(c.mobilitiesPerYear) || c.mobilitiesPerYear < 1 || c.mobilitiesPerYear > 10_000) at('mobilities', 'error_quota_invalid');
		const total = isStudentMobility(c.kind) ? c.totalMonthsPerYear : c.totalDaysPerYear;
		if (total !== undefined && (!(total > 0) || total > 100_000 || !twoDecimals(total))) at('total', 'error_total_invalid');
		if (c.subjectAreas.some((s) => !isIscedDetailedCode(s.iscedCode))) at('subjects', 'error_isced_unknown');
		if (c.languageSkills.some((l) => !LANGUAGE.test(l.language))) at('languages', 'error_language_code');
		if (c.languageSkills.some((l) => l.cefrLevel !== undefined && !(CEFR_LEVELS as readonly string[]).includes(l.cefrLevel))) at('languages', 'error_cefr_unknown');
		if (c.languageSkills.some((l) => l.subjectArea && !isIscedDetailedCode(l.subjectArea.iscedCode))) at('languages', 'error_isced_unknown');
		// The XSD requires a recommended language for student studies and teaching.
		if ((c.kind === 'student-studies' || c.kind === 'staff-teacher') && !c.languageSkills.length) at('languages', 'error_language_required');
		if ((c.eqfLevels ?? []).some((l) => !Number.isInteger(l) || l < 1 || l > 8)) at('eqf', 'error_choose_one');
		const ourUnit = isOutgoing(c, ours.heiId) ? c.sendingOunitId : c.receivingOunitId;
		const theirUnit = isOutgoing(c, ours.heiId) ? c.receivingOunitId : c.sendingOunitId;
		if (ourUnit && !units.ours.has(ourUnit)) at('ourUnit', 'error_choose_one');
		if (theirUnit && !units.partner.has(theirUnit)) at('partnerUnit', 'error_choose_one');
	});
	return errors;
}

// The editor's text fields for lists: one subject or language per line.

/** "0613 Software engineering" per line → subject areas (code, then an optional clarification). */
export function parseSubjectLines(text: string): { areas: SubjectArea[]; bad: boolean } {
	const areas: SubjectArea[] = [];
	let bad = false;
	for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
		const match = /^(\d{4})(?:\s+(.+))?$/.exec(line);
		if (!match) {
			bad = true;
			continue;
		}
		areas.push({ iscedCode: match[1]!, ...(match[2] ? { clarification: match[2].slice(0, 500) } : {}) });
	}
	return { areas, bad };
}

export const subjectLines = (areas: SubjectArea[]) => areas.map((a) => [a.iscedCode, a.clarification].filter(Boolean).join(' ')).join('\n');

/** "en B2" or "es B1 0732" per line → recommended language skills. */
export function parseLanguageLines(text: string): { skills: LanguageSkill[]; bad: boolean } {
	const skills: LanguageSkill[] = [];
	let bad = false;
	for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
		const [language, level, isced, ...rest] = line.split(/\s+/);
		if (!language || rest.length || (isced !== undefined && !/^\d{4}$/.test(isced))) {
			bad = true;
			continue;
		}
		skills.push({ language: language.toLowerCase(), ...(level ? { cefrLevel: level.toUpperCase() } : {}), ...(isced ? { subjectArea: { iscedCode: isced } } : {}) });
	}
	return { skills, bad };
}

export const languageLines = (skills: LanguageSkill[]) => skills.map((s) => [s.language, s.cefrLevel, s.subjectArea?.iscedCode].filter(Boolean).join(' ')).join('\n');

export type { MobilityKind };
