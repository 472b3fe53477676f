import { m } from '$lib/paraglide/messages';

/** The four kinds of cooperation condition (EWP mobility specs), named in the page's language. */
export function mobilityLabels(): Record<'student-studies' | 'student-traineeship' | 'staff-teacher' | 'staff-training', string> {
	return {
		'student-studies': m.mobility_student_studies(),
		'student-traineeship': m.mobility_student_traineeship(),
		'staff-teacher': m.mobility_staff_teacher(),
		'staff-training': m.mobility_staff_training()
	};
}

export function agreementKindLabels(): Record<'erasmus' | 'bilateral' | 'mou', string> {
	return { erasmus: m.agreement_kind_erasmus(), bilateral: m.agreement_kind_bilateral(), mou: m.agreement_kind_mou() };
}
