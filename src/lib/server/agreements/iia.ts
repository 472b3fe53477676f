/**
 * An inter-institutional agreement in the shape of EWP IIA v7 (ewp-specs-api-iias 7.0.0,
 * endpoints/get-response.xsd): the platform's own agreements are kept in it, and a partner's
 * copy is read into it, so the two compare field by field and hash the same way.
 */

export const MOBILITY_KINDS = ['student-studies', 'student-traineeship', 'staff-teacher', 'staff-training'] as const;
export type MobilityKind = (typeof MOBILITY_KINDS)[number];
export const isStudentMobility = (kind: MobilityKind) => kind === 'student-studies' || kind === 'student-traineeship';

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const EQF_LEVELS = [5, 6, 7, 8] as const;

export interface IiaContact {
	name: string;
	givenNames?: string;
	familyName?: string;
	email?: string;
	/** E.164, e.g. +77172709500. */
	phone?: string;
}

export interface SubjectArea {
	/** ISCED-F 2013 detailed field: four digits. */
	iscedCode: string;
	/** The shorter code an agreement approved under v6 had (read from partners' files only). */
	v6Code?: string;
	clarification?: string;
}

export interface LanguageSkill {
	/** BCP 47 language code, e.g. en, ru, zh. */
	language: string;
	cefrLevel?: string;
	subjectArea?: SubjectArea;
	/** A partner's value that v6 did not have (read from partners' files only). */
	notYetDefined?: boolean;
}

export interface CooperationCondition {
	kind: MobilityKind;
	sendingHeiId: string;
	sendingOunitId?: string;
	sendingContacts: IiaContact[];
	receivingHeiId: string;
	receivingOunitId?: string;
	receivingContacts: IiaContact[];
	/** Academic years, "2025/2026". */
	firstAcademicYear: string;
	lastAcademicYear: string;
	mobilitiesPerYear: number;
	mobilitiesPerYearNotYetDefined?: boolean;
	languageSkills: LanguageSkill[];
	subjectAreas: SubjectArea[];
	otherInfoTerms?: string;
	/** Student mobility: total months per year (two decimals at most). */
	totalMonthsPerYear?: number;
	/** Staff mobility: total days per year (two decimals at most). */
	totalDaysPerYear?: number;
	/** Student mobility: whether blended mobility is possible. */
	blended?: boolean;
	/** Student mobility: EQF levels, 5 to 8. */
	eqfLevels?: number[];
}

export interface IiaPartner {
	heiId: string;
	ounitId?: string;
	iiaId?: string;
	iiaCode?: string;
	signingContact?: IiaContact;
	/** ISO date. */
	signingDate?: string;
	contacts: IiaContact[];
}

export interface Iia {
	/** The first partner is the institution whose copy this is. */
	partners: [IiaPartner, IiaPartner];
	inEffect: boolean;
	terminatedAsAWhole: boolean;
	conditions: CooperationCondition[];
}

/**
 * "2025/2026" → 2025. EWP's AcademicYearId: the northern form (the second year is the first
 * plus one) or the southern one ("2025/2025", a year from January).
 */
export function academicYearStart(id: string): number | undefined {
	const match = /^(\d{4})\/(\d{4})$/.exec(id);
	if (!match) return undefined;
	const [first, second] = [Number(match[1]), Number(match[2])];
	return second === first + 1 || second === first ? first : undefined;
}
