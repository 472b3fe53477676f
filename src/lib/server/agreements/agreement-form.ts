import type { MessageKey } from '$lib/i18n/messages';
import { invalidInput } from '../platform/errors';
import { languageLines, parseLanguageLines, parseSubjectLines, subjectLines, type AgreementContent } from './agreement-content';
import { MOBILITY_KINDS, isStudentMobility, type CooperationCondition, type IiaContact, type MobilityKind } from './iia';

/**
 * The agreement editor's fields ⇄ an agreement's content. One fieldset per cooperation
 * condition (`c0.kind`, `c0.direction`, …); subjects and languages are one per line, as offices
 * write them ("0613 Software engineering", "en B2"). Works without JavaScript: "add a
 * condition" posts the form back with one more empty fieldset.
 */

export type FormValues = Record<string, string>;

const number = (value: string | undefined) => {
	const text = (value ?? '').trim().replace(',', '.');
	return text === '' ? undefined : Number(text);
};

function contact(name: string | undefined, email: string | undefined): IiaContact | undefined {
	const n = name?.trim();
	if (!n) return undefined;
	const e = email?.trim().toLowerCase();
	return { name: n.slice(0, 200), ...(e ? { email: e.slice(0, 254) } : {}) };
}

const text = (value: string | undefined, max: number) => {
	const t = value?.trim();
	return t ? t.slice(0, max) : undefined;
};

/** The EQF levels the editor offers (higher education: short cycle to doctorate). */
export const EQF_CHOICES = [5, 6, 7, 8];

/** How many condition fieldsets the form holds. */
export const conditionCount = (values: FormValues) => Math.max(0, Math.min(50, Math.floor(Number(values.count ?? 0)) || 0));

/**
 * The content the form describes, between `ourHeiId` and `partnerHeiId`. Lines that are not
 * in the expected form are field errors (thrown), like the content rules the service checks.
 */
export function contentFromForm(values: FormValues, ourHeiId: string, partnerHeiId: string): AgreementContent {
	const errors: Record<string, MessageKey> = {};
	const conditions: CooperationCondition[] = [];
	for (let i = 0; i < conditionCount(values); i++) {
		const v = (field: string) => values[`c${i}.${field}`];
		if (v('remove')) continue;
		const kind = (MOBILITY_KINDS as readonly string[]).includes(v('kind') ?? '') ? (v('kind') as MobilityKind) : 'student-studies';
		const outgoing = v('direction') !== 'in';
		const ourUnit = text(v('ourUnit'), 64);
		const theirUnit = text(v('partnerUnit'), 64);
		const subjects = parseSubjectLines(v('subjects') ?? '');
		const languages = parseLanguageLines(v('languages') ?? '');
		if (subjects.bad) errors[`c${i}.subjects`] = 'error_subject_lines';
		if (languages.bad) errors[`c${i}.languages`] = 'error_language_lines';
		const total = number(v('total'));
		const student = isStudentMobility(kind);
		conditions.push({
			kind,
			sendingHeiId: outgoing ? ourHeiId : partnerHeiId,
			sendingOunitId: outgoing ? ourUnit : theirUnit,
			sendingContacts: [],
			receivingHeiId: outgoing ? partnerHeiId : ourHeiId,
			receivingOunitId: outgoing ? theirUnit : ourUnit,
			receivingContacts: [],
			firstAcademicYear: (v('firstYear') ?? '').trim(),
			lastAcademicYear: (v('lastYear') ?? '').trim(),
			mobilitiesPerYear: number(v('mobilities')) ?? Number.NaN,
			languageSkills: languages.skills,
			subjectAreas: subjects.areas,
			otherInfoTerms: text(v('otherInfo'), 4000),
			...(student
				? { totalMonthsPerYear: total, blended: !!v('blended'), eqfLevels: EQF_CHOICES.filter((level) => !!v(`eqf${level}`)) }
				: { totalDaysPerYear: total })
		});
	}
	if (Object.keys(errors).length) throw invalidInput(errors);
	return {
		ours: { heiId: ourHeiId, ounitId: text(values.ourUnit, 64), iiaCode: text(values.ourIiaCode, 200), signingContact: contact(values.ourSigner, values.ourSignerEmail), signingDate: text(values.ourSigningDate, 10) },
		partner: {
			heiId: partnerHeiId,
			ounitId: text(values.partnerUnit, 64),
			iiaId: text(values.partnerIiaId, 64),
			iiaCode: text(values.partnerIiaCode, 200),
			signingContact: contact(values.partnerSigner, values.partnerSignerEmail),
			signingDate: text(values.partnerSigningDate, 10)
		},
		terminated: !!values.terminated,
		conditions
	};
}

/** The form's values for a saved content. */
export function formFromContent(content: AgreementContent): FormValues {
	const values: FormValues = {
		count: String(content.conditions.length),
		ourUnit: content.ours.ounitId ?? '',
		ourIiaCode: content.ours.iiaCode ?? '',
		ourSigner: content.ours.signingContact?.name ?? '',
		ourSignerEmail: content.ours.signingContact?.email ?? '',
		ourSigningDate: content.ours.signingDate ?? '',
		partnerUnit: content.partner.ounitId ?? '',
		partnerIiaId: content.partner.iiaId ?? '',
		partnerIiaCode: content.partner.iiaCode ?? '',
		partnerSigner: content.partner.signingContact?.name ?? '',
		partnerSignerEmail: content.partner.signingContact?.email ?? '',
		partnerSigningDate: content.partner.signingDate ?? '',
		terminated: content.terminated ? 'on' : ''
	};
	content.conditions.forEach((c, i) => {
		const outgoing = c.sendingHeiId === content.ours.heiId;
		const student = isStudentMobility(c.kind);
		Object.assign(values, {
			[`c${i}.kind`]: c.kind,
			[`c${i}.direction`]: outgoing ? 'out' : 'in',
			[`c${i}.ourUnit`]: (outgoing ? c.sendingOunitId : c.receivingOunitId) ?? '',
			[`c${i}.partnerUnit`]: (outgoing ? c.receivingOunitId : c.sendingOunitId) ?? '',
			[`c${i}.firstYear`]: c.firstAcademicYear,
			[`c${i}.lastYear`]: c.lastAcademicYear,
			[`c${i}.mobilities`]: String(c.mobilitiesPerYear),
			[`c${i}.total`]: String((student ? c.totalMonthsPerYear : c.totalDaysPerYear) ?? ''),
			[`c${i}.languages`]: languageLines(c.languageSkills),
			[`c${i}.subjects`]: subjectLines(c.subjectAreas),
			[`c${i}.blended`]: c.blended ? 'on' : '',
			[`c${i}.otherInfo`]: c.otherInfoTerms ?? ''
		});
		for (const level of c.eqfLevels ?? []) values[`c${i}.eqf${level}`] = 'on';
	});
	return values;
}
