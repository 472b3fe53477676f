import { readColumns, text, type Cell, type RowError } from '../spreadsheets/sheet-cells';
import type { AgreementContent } from './agreement-content';
import { EQF_CHOICES, formFromContent, type FormValues } from './agreement-form';

/**
 * Agreements as a spreadsheet: one row per cooperation condition, the agreement's own columns
 * repeated on each of its rows, grouped by the `agreement` column (our iia-id in an export; any
 * label for a new agreement in an import). The cells are the editor's fields (agreement-form.ts),
 * so a file is read by the same rules as the form and its errors land on a row and a column.
 */

/** The agreement's columns and the editor field each one is. */
const AGREEMENT_COLUMNS = {
	kind: 'kind',
	partner_hei_id: 'partnerHeiId',
	our_unit: 'ourUnit',
	our_iia_code: 'ourIiaCode',
	our_signer: 'ourSigner',
	our_signer_email: 'ourSignerEmail',
	our_signing_date: 'ourSigningDate',
	partner_unit: 'partnerUnit',
	partner_iia_id: 'partnerIiaId',
	partner_iia_code: 'partnerIiaCode',
	partner_signer: 'partnerSigner',
	partner_signer_email: 'partnerSignerEmail',
	partner_signing_date: 'partnerSigningDate',
	terminated: 'terminated'
} as const;

/** A condition's columns and its editor field (`c{i}.<field>`). */
const CONDITION_COLUMNS = {
	mobility: 'kind',
	direction: 'direction',
	condition_our_unit: 'ourUnit',
	condition_partner_unit: 'partnerUnit',
	first_year: 'firstYear',
	last_year: 'lastYear',
	mobilities_per_year: 'mobilities',
	total_per_year: 'total',
	subject_areas: 'subjects',
	languages: 'languages',
	eqf_levels: 'eqf',
	blended: 'blended',
	other_info: 'otherInfo'
} as const;

/** What an export adds for reading; an import ignores them. */
const EXPORT_ONLY = ['version', 'iia_hash', 'approved_by_us', 'approved_by_partner'] as const;

export const AGREEMENT_SHEET_COLUMNS = ['agreement', ...Object.keys(AGREEMENT_COLUMNS), ...Object.keys(CONDITION_COLUMNS), ...EXPORT_ONLY] as const;
type Column = (typeof AGREEMENT_SHEET_COLUMNS)[number];
const REQUIRED: Column[] = ['kind', 'partner_hei_id', 'mobility', 'direction', 'first_year', 'last_year', 'mobilities_per_year'];
const BOOLEAN_FIELDS = new Set(['terminated', 'blended']);

const yes = (value: string) => (value ? 'yes' : 'no');
const isYes = (value: string) => /^(yes|y|true|1|on|x|да|иә|是)$/i.test(value.trim());

export interface SheetAgreement {
	iiaId: string;
	kind: string;
	partnerHeiId: string;
	content: AgreementContent;
	version: number;
	hash: string;
	approvedByUs: boolean;
	approvedByPartner: boolean;
}

/** An agreement's rows (one per condition; one row without a condition when it has none). */
export function agreementRows(a: SheetAgreement): (string | number | null)[][] {
	const values = formFromContent(a.content);
	const head = (column: keyof typeof AGREEMENT_COLUMNS) => {
		const field = AGREEMENT_COLUMNS[column];
		if (field === 'kind') return a.kind;
		if (field === 'partnerHeiId') return a.partnerHeiId;
		return BOOLEAN_FIELDS.has(field) ? yes(values[field] ?? '') : (values[field] ?? '');
	};
	const cell = (i: number, column: keyof typeof CONDITION_COLUMNS): string | number => {
		const field = CONDITION_COLUMNS[column];
		if (field === 'eqf') return EQF_CHOICES.filter((level) => values[`c${i}.eqf${level}`]).join(' ');
		const value = values[`c${i}.${field}`] ?? '';
		if (BOOLEAN_FIELDS.has(field)) return yes(value);
		if ((field === 'mobilities' || field === 'total') && value !== '' && Number.isFinite(Number(value))) return Number(value);
		return value;
	};
	const count = Math.max(1, a.content.conditions.length);
	return Array.from({ length: count }, (_, i) => [
		a.iiaId,
		...(Object.keys(AGREEMENT_COLUMNS) as (keyof typeof AGREEMENT_COLUMNS)[]).map(head),
		...(Object.keys(CONDITION_COLUMNS) as (keyof typeof CONDITION_COLUMNS)[]).map((c) => (i < a.content.conditions.length ? cell(i, c) : '')),
		a.version,
		a.hash,
		yes(a.approvedByUs ? 'on' : ''),
		yes(a.approvedByPartner ? 'on' : '')
	]);
}

export const agreementSheetHeader = (): string[] => [...AGREEMENT_SHEET_COLUMNS];

/** One agreement read from a file: its editor fields and, per field, the row and column it came from. */
export interface SheetGroup {
	label: string;
	kind: string;
	partnerHeiId: string;
	values: FormValues;
	/** Editor field → where it is in the file, to put a field error on its row and column. */
	origin: Record<string, { row: number; column: string }>;
	firstRow: number;
}

/** Groups the rows of a file into agreements; problems of the file itself are row errors. */
export function readAgreementSheet(rows: Cell[][]): { groups: SheetGroup[]; errors: RowError[] } {
	const [header = [], ...body] = rows;
	const { columns, errors } = readColumns(header, AGREEMENT_SHEET_COLUMNS, REQUIRED);
	if (errors.length) return { groups: [], errors };
	const groups = new Map<string, SheetGroup>();
	body.forEach((cells, index) => {
		const row = index + 2;
		const get = (column: Column) => {
			const at = columns.indexOf(column);
			return at < 0 ? '' : text(cells[at]);
		};
		if (cells.every((c) => text(c) === '')) return;
		const label = get('agreement') || `#row${row}`;
		let group = groups.get(label);
		if (!group) {
			group = { label, kind: get('kind'), partnerHeiId: get('partner_hei_id').toLowerCase(), values: { count: '0' }, origin: { partnerId: { row, column: 'partner_hei_id' }, kind: { row, column: 'kind' } }, firstRow: row };
			for (const [column, field] of Object.entries(AGREEMENT_COLUMNS)) {
				if (field === 'kind' || field === 'partnerHeiId') continue;
				const value = get(column as Column);
				group.values[field] = BOOLEAN_FIELDS.has(field) ? (isYes(value) ? 'on' : '') : value;
				group.origin[field] = { row, column };
			}
			groups.set(label, group);
		} else {
			// An agreement's own columns may be left empty on its later rows, but must not say something else.
			const differs = (column: Column, first: string) => get(column) !== '' && get(column).toLowerCase() !== first.toLowerCase();
			if (differs('kind', group.kind) || differs('partner_hei_id', group.partnerHeiId)) errors.push({ row, column: differs('kind', group.kind) ? 'kind' : 'partner_hei_id', messageKey: 'error_import_agreement_differs', value: group.label });
		}
		const i = Number(group.values.count);
		group.values.count = String(i + 1);
		for (const [column, field] of Object.entries(CONDITION_COLUMNS)) {
			const value = get(column as Column);
			if (field === 'eqf') {
				for (const token of value.split(/[\s,;]+/).filter(Boolean)) {
					if (EQF_CHOICES.includes(Number(token))) group.values[`c${i}.eqf${token}`] = 'on';
					else errors.push({ row, column, messageKey: 'error_eqf_unknown', value: token });
				}
			} else {
				// Lists may be written one per line or separated by semicolons in a cell.
				const cell = field === 'subjects' || field === 'languages' ? value.split(/\s*[;\n]\s*/).filter(Boolean).join('\n') : value;
				group.values[`c${i}.${field}`] = BOOLEAN_FIELDS.has(field) ? (isYes(value) ? 'on' : '') : cell;
			}
			group.origin[`c${i}.${field}`] = { row, column };
		}
	});
	return { groups: [...groups.values()], errors };
}

/** Where a field error of the editor lies in the file. */
export function errorAt(group: SheetGroup, field: string): { row: number; column: string | null } {
	const origin = group.origin[field] ?? group.origin[field.replace(/\.eqf\d$/, '.eqf')];
	return origin ?? { row: group.firstRow, column: null };
}
