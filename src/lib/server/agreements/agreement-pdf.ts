import { iscedFieldName } from '$lib/agreements/isced-f.data';
import { countryName, formatDate, formatNumber, languageName } from '$lib/i18n/format';
import { LOCALE_TAGS, type Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { t, type MessageKey } from '$lib/i18n/messages';
import { PARTNER_CONTACT_ROLES, isPartnerContactRole } from '$lib/partners/contact-roles';
import type { Partner, PartnerContact, PartnerUnit } from '../partners/partners.service';
import { drawTable, tableLeadHeight, type TableOptions, type TableRow } from '../pdf/table';
import { createPdf, primaryFontFor, typesetter, type TextStyle } from '../pdf/typeset';
import type { AgreementContent } from './agreement-content';
import type { Agreement } from './agreements.service';
import type { AGREEMENT_KINDS } from './agreements.tables';
import { isStudentMobility, type CooperationCondition, type SubjectArea } from './iia';

/**
 * An agreement as a printable PDF, in the order and under the headings of the European
 * Commission's IIA template 2021–2029 as far as the data goes: the institutions, mobility numbers
 * per condition, recommended languages, other information, termination (Erasmus+ and
 * terminated agreements), signatures. A section with nothing to say is left out; the signature
 * block always prints, with blank lines where no signer or date is known. Every page's footer
 * names the iia-id, version and short iia-hash, so a printed copy matches one version.
 */

export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** One side as the PDF prints it: texts already in the PDF's language. */
export interface AgreementPdfParty {
	name: string;
	heiId: string;
	erasmusCode?: string | null;
	city?: string | null;
	countryCode?: string | null;
	website?: string | null;
	/** Faculties and departments, to name the ones the agreement uses. */
	units: { ounitId: string; name: string }[];
	contacts: { name: string; email?: string | null; phone?: string | null; roles: string[]; unit?: string | null }[];
}

export interface AgreementPdfInput {
	kind: AgreementKind;
	iiaId: string;
	version: number;
	hash: string;
	content: AgreementContent;
	ours: AgreementPdfParty;
	partner: AgreementPdfParty;
}

type DirectoryEntry = { partner: Partner; units: PartnerUnit[]; contacts: PartnerContact[] };

/** The PDF's input from an agreement and both sides' directory entries, names in `locale` as the agreement's page shows them. */
export function agreementPdfInput(agreement: Agreement, own: DirectoryEntry, partner: DirectoryEntry, locale: Locale): AgreementPdfInput {
	const party = ({ partner: p, units, contacts }: DirectoryEntry): AgreementPdfParty => {
		const unitName = (unit: PartnerUnit) => resolveText(unit.name, locale)?.text ?? unit.ounitId;
		return {
			name: resolveText(p.name, locale)?.text ?? p.heiId,
			heiId: p.heiId,
			erasmusCode: p.erasmusCode,
			city: resolveText(p.city, locale)?.text ?? null,
			countryCode: p.countryCode,
			website: p.website,
			units: units.map((u) => ({ ounitId: u.ounitId, name: unitName(u) })),
			contacts: contacts.map((c) => {
				const unit = units.find((u) => u.id === c.unitId);
				return { name: c.name, email: c.email, phone: c.phone, roles: c.roles, unit: unit ? unitName(unit) : null };
			})
		};
	};
	return { kind: agreement.kind as AgreementKind, iiaId: agreement.iiaId, version: agreement.version, hash: agreement.hash, content: agreement.content, ours: party(own), partner: party(partner) };
}

const MARGIN = 48;
/** Room kept above the bottom margin for the footer. */
const FOOTER = 30;
const BLUE = '#0b4f8a';
const GREY = '#555555';
const TEXT = '#1a1a1a';
const RED = '#a11d1d';

const KIND_KEYS: Record<AgreementKind, MessageKey> = { erasmus: 'agreement_kind_erasmus', bilateral: 'agreement_kind_bilateral', mou: 'agreement_kind_mou' };
const MOBILITY_KEYS: Record<CooperationCondition['kind'], MessageKey> = {
	'student-studies': 'mobility_student_studies',
	'student-traineeship': 'mobility_student_traineeship',
	'staff-teacher': 'mobility_staff_teacher',
	'staff-training': 'mobility_staff_training'
};
const EQF_KEYS: Record<number, MessageKey> = { 5: 'eqf_5', 6: 'eqf_6', 7: 'eqf_7', 8: 'eqf_8' };

/** Renders the agreement in `locale`; its text is selectable and searchable in every script. */
export async function renderAgreementPdf(input: AgreementPdfInput, locale: Locale): Promise<Uint8Array> {
	const { content } = input;
	const tr = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, locale, params);
	const colon = (label: string, value: string) => (locale === 'zh' ? `${label}：${value}` : `${label}: ${value}`);
	const title = tr(KIND_KEYS[input.kind] ?? 'agreement_kind_bilateral');
	const { doc, finish } = createPdf({
		size: 'A4',
		margin: MARGIN,
		bufferPages: true,
		info: { Title: `${title}: ${input.ours.name}, ${input.partner.name}`, Author: input.ours.name, Subject: input.iiaId },
		lang: LOCALE_TAGS[locale],
		pdfVersion: '1.7',
		compress: true
	});
	const width = doc.page.width - 2 * MARGIN;
	const frame = { left: MARGIN, width, bottom: doc.page.height - MARGIN - FOOTER };
	const ts = typesetter(doc, primaryFontFor(locale), frame, { breakAfterHyphen: true });
	const { write, heightOf } = ts;

	const body: TextStyle = { size: 9.5, lineGap: 1.5 };
	const small: TextStyle = { size: 8.5, lineGap: 1.2, color: GREY };
	const headingStyle: TextStyle = { size: 12, bold: true, color: BLUE, lineGap: 1 };
	const conditionStyle: TextStyle = { size: 9.5, bold: true, lineGap: 1.5 };
	const look = { style: { size: 8.5, lineGap: 1 }, padding: 4, headerFill: '#e6ecf3', labelFill: '#f3f5f8', headerStyle: { size: 8, color: TEXT } };
	const table = (options: Omit<TableOptions, keyof typeof look>) => drawTable(doc, ts, frame, { ...look, ...options });
	const lead = (options: Omit<TableOptions, keyof typeof look>) => tableLeadHeight(doc, ts, frame, { ...look, ...options });

	/** A new page unless `height` points still fit above the footer (or the page is still empty). */
	const keep = (height: number) => {
		if (doc.y + height > frame.bottom && doc.y > MARGIN + 0.5) doc.addPage();
	};
	let sections = 0;
	/** A lettered section heading, kept on one page with the `next` points that follow it. */
	const section = (heading: string, next: number) => {
		const text = `${String.fromCharCode(65 + sections++)}. ${heading}`;
		keep(12 + heightOf(text, headingStyle, width) + 9 + next);
		if (doc.y > MARGIN + 1) doc.y += 12;
		write(text, headingStyle);
		const y = doc.y + 2;
		doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.75).strokeColor(BLUE).stroke();
		doc.y = y + 7;
	};
	/** A note under a heading, and its height with the space after it. */
	const note = (text: string) => ({ text, height: heightOf(text, small, width) + 0.6 * 8.5 * 1.3 });
	const writeNote = (text: string) => write(text, { ...small, gap: 0.6 });

	const sides = [input.ours, input.partner] as const;
	const sideOf = (heiId: string) => (heiId === input.partner.heiId && heiId !== input.ours.heiId ? input.partner : input.ours);
	const unitName = (party: AgreementPdfParty, ounitId: string | undefined) => {
		if (!ounitId) return null;
		const unit = party.units.find((u) => u.ounitId === ounitId);
		return unit ? `${unit.name} (${ounitId})` : ounitId;
	};
	const subject = (area: SubjectArea) => [area.iscedCode, iscedFieldName(area.iscedCode, locale)].filter(Boolean).join(' ') + (area.clarification ? ` — ${area.clarification}` : '');
	const mobility = (c: CooperationCondition) => tr(MOBILITY_KEYS[c.kind] ?? 'mobility_student_studies');
	const conditionName = (i: number) => tr('agreement_condition_n', { n: i + 1 });
	const years = (c: CooperationCondition) => `${c.firstAcademicYear} – ${c.lastAcademicYear}`;
	const number = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : formatNumber(n, locale));
	const date = (iso: string | undefined) => {
		if (!iso) return null;
		return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(iso)) ? formatDate(iso, locale, 'long') : iso;
	};

	// Title: the kind of agreement, the parties, the academic years, the version's hash.
	doc.y = MARGIN;
	write(title, { size: 17, bold: true, color: BLUE, lineGap: 2, gap: 0.3 });
	write(tr('agreement_pdf_parties', { ours: input.ours.name, partner: input.partner.name }), { size: 11, bold: true, lineGap: 2, gap: 0.3 });
	if (input.kind === 'erasmus') write(tr('agreement_pdf_template_note'), { ...small, gap: 0.3 });
	if (content.terminated) write(tr('agreement_terminated'), { size: 10.5, bold: true, color: RED, lineGap: 1.5 });
	doc.y += 6;
	const firstYear = content.conditions.map((c) => c.firstAcademicYear).sort()[0];
	const lastYear = content.conditions.map((c) => c.lastAcademicYear).sort().at(-1);
	table({
		columns: [130, width - 130],
		rows: [...(firstYear && lastYear ? [[tr('diff_field_years'), `${firstYear} – ${lastYear}`]] : []), [tr('agreement_hash', { version: input.version }), input.hash]]
	});

	// A. The institutions, side by side.
	const row = (label: string, pick: (p: AgreementPdfParty, i: number) => string | null | undefined): TableRow[] => (sides.some((p, i) => !!pick(p, i)) ? [[label, ...sides.map((p, i) => pick(p, i) ?? '')]] : []);
	const sideUnits = [content.ours.ounitId, content.partner.ounitId];
	const roleOrder = (roles: string[]) => Math.min(PARTNER_CONTACT_ROLES.length, ...roles.filter(isPartnerContactRole).map((r) => PARTNER_CONTACT_ROLES.indexOf(r)));
	const contacts = (p: AgreementPdfParty) =>
		[...p.contacts]
			.sort((a, b) => roleOrder(a.roles) - roleOrder(b.roles) || a.name.localeCompare(b.name))
			.map((c) => {
				const roles = c.roles.filter(isPartnerContactRole).map((r) => tr(`partner_role_${r}` as MessageKey));
				const what = [c.unit, ...roles].filter(Boolean).join(', ');
				return [what ? `${c.name} (${what})` : c.name, [c.email, c.phone].filter(Boolean).join(' · ')].filter(Boolean).join('\n');
			})
			.join('\n');
	const institutions = {
		columns: [130, (width - 130) / 2, (width - 130) / 2],
		header: ['', ...sides.map((p) => p.name)],
		rows: [
			...row(tr('agreement_pdf_erasmus_code'), (p) => p.erasmusCode),
			...row(tr('agreement_pdf_hei_id'), (p) => p.heiId),
			...row(tr('agreement_unit'), (p, i) => unitName(p, sideUnits[i])),
			...row(tr('agreement_pdf_city_country'), (p) => [p.city, p.countryCode ? countryName(p.countryCode, locale) : null].filter(Boolean).join(', ')),
			...row(tr('institution_website'), (p) => p.website),
			...row(tr('agreement_pdf_iia_id'), (_, i) => (i === 0 ? input.iiaId : content.partner.iiaId)),
			...row(tr('agreement_iia_code'), (_, i) => (i === 0 ? content.ours.iiaCode : content.partner.iiaCode)),
			...row(tr('partner_contacts'), (p) => contacts(p))
		]
	};
	section(tr('agreement_pdf_institutions'), lead(institutions));
	table(institutions);

	// B. Mobility numbers: a table per cooperation condition, as the template's rows FROM → TO.
	if (content.conditions.length) {
		const party = (heiId: string, ounitId: string | undefined) => {
			const p = sideOf(heiId);
			return [p.name, p.erasmusCode || p.heiId, unitName(p, ounitId)].filter(Boolean).join('\n');
		};
		const numbers = (c: CooperationCondition) => {
			const student = isStudentMobility(c.kind);
			// EQF levels, mobilities and total: wide enough for the longest header word (Kazakh, Russian).
			const fixed = student ? [72, 76, 56] : [76, 56];
			const free = width - fixed.reduce((a, b) => a + b, 0);
			const share = student ? [0.31, 0.31, 0.38] : [0.28, 0.28, 0.44];
			return {
				columns: [...share.map((part) => free * part), ...fixed],
				header: [tr('agreement_pdf_from'), tr('agreement_pdf_to'), tr('agreement_subjects'), ...(student ? [tr('agreement_eqf')] : []), tr('agreement_mobilities'), tr(student ? 'agreement_pdf_total_months' : 'agreement_pdf_total_days')],
				rows: [
					[
						party(c.sendingHeiId, c.sendingOunitId),
						party(c.receivingHeiId, c.receivingOunitId),
						c.subjectAreas.length ? c.subjectAreas.map(subject).join('\n') : '—',
						...(student ? [(c.eqfLevels ?? []).map((l) => (EQF_KEYS[l] ? tr(EQF_KEYS[l]) : `EQF ${l}`)).join('\n') || '—'] : []),
						{ text: number(c.mobilitiesPerYear), align: 'center' as const },
						{ text: number(student ? c.totalMonthsPerYear : c.totalDaysPerYear), align: 'center' as const }
					]
				]
			};
		};
		const commitment = input.kind === 'erasmus' ? note(tr('agreement_pdf_amend_commitment')) : null;
		const heading = (c: CooperationCondition, i: number) => `${conditionName(i)} · ${mobility(c)} · ${years(c)}`;
		const headingHeight = (c: CooperationCondition, i: number) => 6 + heightOf(heading(c, i), conditionStyle, width) + 3;
		const first = content.conditions[0]!;
		section(tr('agreement_pdf_mobility_numbers'), (commitment?.height ?? 0) + headingHeight(first, 0) + lead(numbers(first)));
		if (commitment) writeNote(commitment.text);
		content.conditions.forEach((c, i) => {
			const options = numbers(c);
			keep(headingHeight(c, i) + lead(options));
			doc.y += 6;
			write(heading(c, i), conditionStyle);
			doc.y += 3;
			table(options);
			if (isStudentMobility(c.kind) && c.blended !== undefined) {
				doc.y += 3;
				write(colon(tr('agreement_blended'), tr(c.blended ? 'yes' : 'no')), small);
			}
		});
	}

	// C. Recommended language skills, per condition and receiving institution.
	const skills = content.conditions.flatMap((c, i) => c.languageSkills.map((skill) => ({ c, i, skill })));
	if (skills.length) {
		const languages = {
			columns: [90, 110, width - 90 - 110 - 84 - 86, 84, 86],
			header: [tr('agreement_pdf_condition'), tr('agreement_pdf_receiving'), tr('agreement_subjects'), tr('agreement_pdf_language'), tr('agreement_pdf_cefr')],
			rows: skills.map(({ c, i, skill }) => [
				`${conditionName(i)}\n${mobility(c)}`,
				sideOf(c.receivingHeiId).name,
				skill.subjectArea ? subject(skill.subjectArea) : '—',
				`${languageName(skill.language, locale)} (${skill.language})`,
				{ text: skill.cefrLevel ?? '—', align: 'center' as const }
			])
		};
		const support = input.kind === 'erasmus' ? note(tr('agreement_pdf_language_note')) : null;
		section(tr('agreement_pdf_language_skills'), (support?.height ?? 0) + lead(languages));
		if (support) writeNote(support.text);
		table(languages);
	}

	// D. Other information given with the conditions.
	const others = content.conditions.flatMap((c, i) => (c.otherInfoTerms?.trim() ? [{ c, i, text: c.otherInfoTerms.trim() }] : []));
	if (others.length) {
		const other = { columns: [150, width - 150], rows: others.map(({ c, i, text }) => [`${conditionName(i)}\n${mobility(c)}`, text]) };
		section(tr('agreement_other_info'), lead(other));
		table(other);
	}

	// E. Termination: the Commission's rule and disclaimer for Erasmus+, and whether it is terminated.
	if (input.kind === 'erasmus' || content.terminated) {
		section(tr('agreement_pdf_termination'), 3 * 9.5 * 1.3);
		if (content.terminated) write(tr('agreement_terminated'), { ...body, bold: true, color: RED, gap: 0.4 });
		if (input.kind === 'erasmus') write(tr('agreement_pdf_termination_text'), body);
	}

	// Signatures: each side's signer and date where known, lines to sign otherwise.
	const column = (width - 24) / 2;
	const fieldsOf = (i: 0 | 1) => {
		const s = i === 0 ? content.ours : content.partner;
		return [
			{ label: tr('agreement_pdf_sign_name'), value: s.signingContact ? [s.signingContact.name, s.signingContact.email].filter(Boolean).join('\n') : null },
			{ label: tr('agreement_pdf_sign_position'), value: null },
			{ label: tr('agreement_pdf_sign_date'), value: date(s.signingDate) },
			{ label: tr('agreement_pdf_signature'), value: null }
		];
	};
	const labelStyle: TextStyle = { size: 7.5, color: GREY, lineGap: 1 };
	const valueStyle: TextStyle = { size: 9.5, lineGap: 1.5 };
	const nameStyle: TextStyle = { size: 10, bold: true, lineGap: 1.5 };
	const fields = [fieldsOf(0), fieldsOf(1)];
	const fieldHeight = (f: { label: string; value: string | null }) => heightOf(f.label, labelStyle, column) + (f.value ? heightOf(f.value, valueStyle, column) + 8 : 26);
	// Both columns' fields side by side, each field as tall as the taller of the two.
	const heights = fields[0]!.map((_, k) => Math.max(fieldHeight(fields[0]![k]!), fieldHeight(fields[1]![k]!)));
	const namesHeight = Math.max(...sides.map((p) => heightOf(p.name, nameStyle, column))) + 6;
	section(tr('agreement_pdf_signatures'), namesHeight + heights.reduce((a, b) => a + b, 0));
	let y = doc.y;
	const xOf = (i: number) => MARGIN + i * (column + 24);
	sides.forEach((p, i) => {
		doc.y = y;
		write(p.name, nameStyle, xOf(i), column);
	});
	y += namesHeight;
	heights.forEach((height, k) => {
		fields.forEach((list, i) => {
			const field = list[k]!;
			doc.y = y;
			write(field.label, labelStyle, xOf(i), column);
			if (field.value) write(field.value, valueStyle, xOf(i), column);
			else doc.moveTo(xOf(i), y + height - 6).lineTo(xOf(i) + column, y + height - 6).lineWidth(0.5).strokeColor('#333333').stroke();
		});
		y += height;
	});
	doc.y = y + 6;
	if (input.kind === 'erasmus') write(tr('agreement_pdf_ewp_note'), small);

	// The footer of every page: which agreement, version and hash; page X of Y.
	const pages = doc.bufferedPageRange();
	const footStyle: TextStyle = { size: 7, color: GREY, lineGap: 1 };
	const pageWidth = 90;
	const footer = tr('agreement_pdf_footer', { iiaId: input.iiaId, version: input.version, hash: input.hash.slice(0, 12) });
	const footLines = ts.linesOf(footer, footStyle, width - pageWidth - 8);
	for (let p = 0; p < pages.count; p++) {
		doc.switchToPage(pages.start + p);
		const pageLines = ts.linesOf(tr('page_of', { page: p + 1, pages: pages.count }), footStyle, pageWidth);
		const { ascent, lineHeight } = ts.metricsOf([...footLines, ...pageLines], footStyle);
		const first = doc.page.height - MARGIN - footLines.length * lineHeight;
		doc.moveTo(MARGIN, first - 5).lineTo(MARGIN + width, first - 5).lineWidth(0.5).strokeColor('#b0b6bf').stroke();
		doc.fillColor(GREY);
		footLines.forEach((line, j) => ts.drawLine(line, footStyle, MARGIN, width - pageWidth - 8, first + j * lineHeight, ascent));
		ts.drawLine(pageLines[0]!, { ...footStyle, align: 'right' }, MARGIN + width - pageWidth, pageWidth, first, ascent);
	}
	return finish();
}
