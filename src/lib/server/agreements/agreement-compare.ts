import type { CooperationCondition, Iia, MobilityKind } from './iia';

/**
 * A field-by-field comparison of two agreements in the IIA v7 shape, from our side: between two
 * of our versions, or between our copy and the partner's (whose first partner is the partner).
 * Only what the iia-hash covers is compared (contacts are not), so the list explains exactly why
 * two hashes differ. Conditions are matched by kind and direction, then in order.
 */

export type ConditionField = 'units' | 'years' | 'mobilities' | 'total' | 'languages' | 'subjects' | 'eqf' | 'blended' | 'otherInfo';

export interface Difference {
	/** Which condition ("staff-teacher", incoming, the first of its kind), or null for the agreement itself. */
	condition: { kind: MobilityKind; outgoing: boolean; n: number } | null;
	field: ConditionField | 'iiaId' | 'partnerIiaId' | 'iiaCode' | 'terminated' | 'condition';
	/** As each side has it; '' for nothing. */
	ours: string;
	theirs: string;
}

const join = (values: (string | number | undefined)[]) => values.filter((v) => v !== undefined && v !== '').join(', ');

function fieldsOf(c: CooperationCondition, outgoing: boolean): Record<ConditionField, string> {
	const student = c.kind === 'student-studies' || c.kind === 'student-traineeship';
	const ourUnit = outgoing ? c.sendingOunitId : c.receivingOunitId;
	const theirUnit = outgoing ? c.receivingOunitId : c.sendingOunitId;
	return {
		units: join([ourUnit, theirUnit]),
		years: `${c.firstAcademicYear} – ${c.lastAcademicYear}`,
		mobilities: String(c.mobilitiesPerYear),
		total: String((student ? c.totalMonthsPerYear : c.totalDaysPerYear) ?? ''),
		languages: c.languageSkills.map((l) => join([l.language, l.cefrLevel, l.subjectArea?.iscedCode])).join('; '),
		subjects: c.subjectAreas.map((s) => join([s.iscedCode, s.clarification])).join('; '),
		eqf: join(c.eqfLevels ?? []),
		blended: student ? String(c.blended ?? false) : '',
		otherInfo: c.otherInfoTerms ?? ''
	};
}

type Keyed = Map<string, { kind: MobilityKind; outgoing: boolean; n: number; fields: Record<ConditionField, string> }>;

function keyed(conditions: CooperationCondition[], ourHeiId: string): Keyed {
	const counts = new Map<string, number>();
	const out: Keyed = new Map();
	for (const c of conditions) {
		const outgoing = c.sendingHeiId === ourHeiId;
		const group = `${c.kind}:${outgoing ? 'out' : 'in'}`;
		const n = (counts.get(group) ?? 0) + 1;
		counts.set(group, n);
		out.set(`${group}:${n}`, { kind: c.kind, outgoing, n, fields: fieldsOf(c, outgoing) });
	}
	return out;
}

/**
 * The differences between `ours` and `theirs`. `ourHeiId` tells the directions; `theirs` may
 * list the partners in either order (a partner's copy names itself first).
 */
export function compareIias(ours: Iia, theirs: Iia, ourHeiId: string): Difference[] {
	const differences: Difference[] = [];
	const side = (iia: Iia, heiId: string) => iia.partners.find((p) => p.heiId === heiId);
	const partnerHeiId = ours.partners.find((p) => p.heiId !== ourHeiId)?.heiId ?? '';
	const compare = (field: Difference['field'], a: string | undefined, b: string | undefined) => {
		if ((a ?? '') !== (b ?? '')) differences.push({ condition: null, field, ours: a ?? '', theirs: b ?? '' });
	};
	compare('iiaId', side(ours, ourHeiId)?.iiaId, side(theirs, ourHeiId)?.iiaId);
	compare('partnerIiaId', side(ours, partnerHeiId)?.iiaId, side(theirs, partnerHeiId)?.iiaId);
	compare('terminated', String(ours.terminatedAsAWhole), String(theirs.terminatedAsAWhole));
	const a = keyed(ours.conditions, ourHeiId);
	const b = keyed(theirs.conditions, ourHeiId);
	for (const key of new Set([...a.keys(), ...b.keys()])) {
		const x = a.get(key);
		const y = b.get(key);
		const where = (x ?? y)!;
		const condition = { kind: where.kind, outgoing: where.outgoing, n: where.n };
		if (!x || !y) {
			differences.push({ condition, field: 'condition', ours: x ? 'present' : '', theirs: y ? 'present' : '' });
			continue;
		}
		for (const field of Object.keys(x.fields) as ConditionField[]) {
			if (x.fields[field] !== y.fields[field]) differences.push({ condition, field, ours: x.fields[field], theirs: y.fields[field] });
		}
	}
	return differences;
}
