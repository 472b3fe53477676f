import { m } from '$lib/paraglide/messages';

/** Labels of the welcome centre's audiences and question types (workspace and public pages). */
export function audienceLabel(code: string) {
	return ({ student: m.audience_student(), staff: m.audience_staff(), researcher: m.audience_researcher(), family: m.audience_family() })[code] ?? code;
}

export function questionTypeLabel(code: string) {
	return (
		{
			text: m.qtype_text(),
			textarea: m.qtype_textarea(),
			number: m.qtype_number(),
			date: m.qtype_date(),
			email: m.qtype_email(),
			checkbox: m.qtype_checkbox(),
			select: m.qtype_select()
		}[code] ?? code
	);
}
