import type { Iia } from './iia';

/** IIAs that use every part of the v7 model: for the hash, XML and comparison tests. */
export function richIia(overrides: Partial<Iia> = {}): Iia {
	return {
		partners: [
			{
				heiId: 'enu.kz',
				ounitId: 'ENU-IRO',
				iiaId: '6f1c2a58-3d7e-4b8a-9c11-0a2b3c4d5e6f',
				iiaCode: 'ENU/UPC/2025-01',
				signingContact: { name: 'Aigerim Sadykova', givenNames: 'Aigerim', familyName: 'Sadykova', email: 'iro@enu.kz', phone: '+77172709500' },
				signingDate: '2025-03-14',
				contacts: [{ name: 'Nurlan Abenov', email: 'incoming@enu.kz' }]
			},
			{ heiId: 'upc.edu', iiaId: 'UPC-2025-0042', iiaCode: 'E BARCELO03', contacts: [] }
		],
		inEffect: true,
		terminatedAsAWhole: false,
		conditions: [
			{
				kind: 'staff-teacher',
				sendingHeiId: 'upc.edu',
				sendingContacts: [],
				receivingHeiId: 'enu.kz',
				receivingOunitId: 'ENU-IT',
				receivingContacts: [{ name: '王芳', email: 'wang@example.org' }],
				firstAcademicYear: '2025/2026',
				lastAcademicYear: '2028/2029',
				mobilitiesPerYear: 2,
				languageSkills: [{ language: 'en', cefrLevel: 'B2', subjectArea: { iscedCode: '0613', clarification: 'Software & <systems> "engineering"' } }],
				subjectAreas: [{ iscedCode: '0613' }],
				totalDaysPerYear: 10
			},
			{
				kind: 'student-studies',
				sendingHeiId: 'enu.kz',
				sendingOunitId: 'ENU-IT',
				sendingContacts: [{ name: 'Dana Seitova', phone: '+77012345678' }],
				receivingHeiId: 'upc.edu',
				receivingContacts: [],
				firstAcademicYear: '2025/2026',
				lastAcademicYear: '2028/2029',
				mobilitiesPerYear: 4,
				languageSkills: [
					{ language: 'en', cefrLevel: 'B2' },
					{ language: 'es', cefrLevel: 'B1', subjectArea: { iscedCode: '0732' } }
				],
				subjectAreas: [
					{ iscedCode: '0732', clarification: 'Civil engineering' },
					{ iscedCode: '0613', clarification: '软件工程' }
				],
				otherInfoTerms: 'Nominations by 15 May (autumn) and 15 October (spring).',
				totalMonthsPerYear: 20.5,
				blended: true,
				eqfLevels: [6, 7]
			},
			{
				kind: 'student-traineeship',
				sendingHeiId: 'upc.edu',
				sendingContacts: [],
				receivingHeiId: 'enu.kz',
				receivingContacts: [],
				firstAcademicYear: '2026/2027',
				lastAcademicYear: '2027/2028',
				mobilitiesPerYear: 1,
				languageSkills: [{ language: 'ru', cefrLevel: 'A2' }],
				subjectAreas: [],
				blended: false,
				eqfLevels: []
			},
			{
				kind: 'staff-training',
				sendingHeiId: 'enu.kz',
				sendingContacts: [],
				receivingHeiId: 'upc.edu',
				receivingOunitId: 'UPC-ETSEIB',
				receivingContacts: [],
				firstAcademicYear: '2025/2026',
				lastAcademicYear: '2025/2026',
				mobilitiesPerYear: 3,
				languageSkills: [{ language: 'en' }],
				subjectAreas: [{ iscedCode: '0413' }]
			}
		],
		...overrides
	};
}
