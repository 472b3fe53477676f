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

/** A case's status as the applicant reads it ("Waiting for your reply"). */
export function caseStatusLabel(status: string) {
	return ({ submitted: m.case_status_submitted(), in_progress: m.case_status_in_progress(), waiting: m.case_status_waiting(), done: m.case_status_done(), declined: m.case_status_declined() })[status] ?? status;
}

/** A case's status as staff read it ("Waiting for the applicant"). */
export function caseStateLabel(status: string) {
	return ({ submitted: m.case_state_submitted(), in_progress: m.case_state_in_progress(), waiting: m.case_state_waiting(), done: m.case_state_done(), declined: m.case_state_declined() })[status] ?? status;
}

export function stepStateLabel(state: string) {
	return ({ done: m.step_state_done(), overdue: m.step_state_overdue(), due_soon: m.step_state_due_soon(), upcoming: m.step_state_upcoming() })[state] ?? state;
}

export function relationLabel(code: string) {
	return ({ spouse: m.relation_spouse(), child: m.relation_child(), parent: m.relation_parent(), other: m.relation_other() })[code] ?? code;
}

/** What one person comes as, in the singular ("Student"; audiences are groups: "Students"). */
export function personKindLabel(code: string) {
	return ({ student: m.person_kind_student(), staff: m.person_kind_staff(), researcher: m.person_kind_researcher() })[code] ?? code;
}

/**
 * A letter's own title where it says more than its kind's label: null when it only repeats the
 * label (a letter in the page's language with the default wording), so the name shows once.
 */
export function letterTitleBesidesKind(kindLabel: string, title: string | null | undefined): string | null {
	const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
	return title?.trim() && plain(title) !== plain(kindLabel) ? title.trim() : null;
}

/** The purpose of a stay ("Study", "Short visit"): profile, planner, staff pages. */
export function stayPurposeLabel(code: string) {
	return ({ study: m.stay_purpose_study(), research: m.stay_purpose_research(), teaching: m.stay_purpose_teaching(), short_visit: m.stay_purpose_short_visit() })[code] ?? code;
}

/** Sex as in the passport (ICAO 9303: F, M, X), with its letter. */
export function passportSexLabel(code: string) {
	return ({ F: m.profile_sex_f(), M: m.profile_sex_m(), X: m.profile_sex_x() })[code] ?? code;
}

/** What a letter template's placeholder stands for (the template editor, a letter's missing facts). */
export function letterPlaceholderLabel(name: string) {
	return (
		{
			name: m.letters_placeholder_name(),
			passport_name: m.letters_placeholder_passport_name(),
			sex: m.letters_placeholder_sex(),
			date_of_birth: m.letters_placeholder_date_of_birth(),
			place_of_birth: m.letters_placeholder_place_of_birth(),
			nationality: m.letters_placeholder_nationality(),
			home_address: m.letters_placeholder_home_address(),
			passport: m.letters_placeholder_passport(),
			passport_issued: m.letters_placeholder_passport_issued(),
			passport_expiry: m.letters_placeholder_passport_expiry(),
			kind: m.letters_placeholder_kind(),
			purpose: m.letters_placeholder_purpose(),
			stay_start: m.letters_placeholder_stay_start(),
			stay_end: m.letters_placeholder_stay_end(),
			arrival_date: m.letters_placeholder_arrival_date(),
			institution: m.letters_placeholder_institution(),
			city: m.letters_placeholder_city(),
			country: m.letters_placeholder_country()
		}[name] ?? name
	);
}

export function letterKindLabel(kind: string) {
	return ({ invitation: m.letter_kind_invitation(), enrolment: m.letter_kind_enrolment(), arrival: m.letter_kind_arrival() })[kind] ?? kind;
}

/** A requested document's state on a case's checklist (missing, waiting for review, accepted, rejected and asked again). */
export function documentStateLabel(state: string) {
	return ({ missing: m.review_state_missing(), pending: m.review_state_pending(), accepted: m.review_state_accepted(), rejected: m.review_state_rejected() })[state] ?? state;
}
