import { describe, expect, it } from 'vitest';
import { academicYearOf, agreementQuery, parseAgreementQuery } from './list-filters';

describe('agreement list filters', () => {
	it('reads what the form sends and drops what no filter means', () => {
		const filters = parseAgreementQuery(new URLSearchParams('q=%20upc%20&country=es&status=copy&expiry=next&subject=061&mobility=staff-teacher&kind=mou&page=3'));
		expect(filters).toEqual({ q: 'upc', country: 'ES', status: 'copy', expiry: 'next', subject: '061', mobility: 'staff-teacher', kind: 'mou', page: 3 });
		const junk = parseAgreementQuery(new URLSearchParams('country=XX&status=%00&expiry=soon&subject=0613&mobility=tourism&kind=x&page=-2&q=' + 'a'.repeat(300)));
		expect(junk).toMatchObject({ country: null, status: null, expiry: null, subject: null, mobility: null, kind: null, page: 1 });
		expect(junk.q).toHaveLength(100);
	});

	it('writes the query back without empty values, for the pages', () => {
		expect(agreementQuery({ q: null, country: 'CN', page: 1 })).toBe('?country=CN');
		expect(agreementQuery({ status: 'ours', page: 2 })).toBe('?status=ours&page=2');
		expect(agreementQuery({})).toBe('');
	});

	it('starts the academic year on 1 September', () => {
		expect(academicYearOf(new Date('2026-08-31T23:00:00Z'))).toBe(2025);
		expect(academicYearOf(new Date('2026-09-01T00:00:00Z'))).toBe(2026);
		expect(academicYearOf(new Date('2027-01-15T00:00:00Z'))).toBe(2026);
	});
});
