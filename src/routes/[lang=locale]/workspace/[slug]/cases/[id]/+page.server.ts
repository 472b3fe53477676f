import { countryName, formatDate, formatDateTime } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { loadOrError, workspaceAction } from '$lib/server/http';
import { addCaseNote, assignCases, changeCaseStatus, getCase, postStaffMessage } from '$lib/server/welcome/case-handling.service';
import { caseLetters, issueLetter, revokeLetter } from '$lib/server/letters/letters.service';
import { newSubmissionKey } from '$lib/server/submissions/submissions.service';
import { answerRows } from '$lib/welcome/service-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const found = await loadOrError(event, () => getCase(ctx, institution.id, event.params.id));
	const letters = await caseLetters(ctx, institution.id, found.case.id);
	const c = found.case;
	const owner = institution.defaultLocale as Locale;
	const pick = (text: Record<string, string | undefined>) => resolveText(text, locale, owner)?.text;
	const p = found.applicant?.profile ?? null;
	const date = (value: string | null) => (value ? formatDate(value, locale, 'long') : null);
	return {
		case: {
			id: c.id,
			number: c.number,
			status: c.status,
			version: c.version,
			declineReason: c.declineReason,
			assigneeId: c.assigneeId,
			dueText: formatDate(c.dueOn, locale, 'long'),
			overdue: ['submitted', 'in_progress', 'waiting'].includes(c.status) && c.dueOn < found.today,
			submittedText: formatDate(c.submittedAt, locale, 'long'),
			name: pick(c.service.name) ?? c.service.code
		},
		applicant: found.applicant && {
			name: found.applicant.name,
			email: found.applicant.email,
			profile: p && {
				kind: p.kind,
				nationality: p.nationality ? countryName(p.nationality, locale) : null,
				dateOfBirth: date(p.dateOfBirth),
				passportNumber: p.passportNumber,
				passportExpiry: date(p.passportExpiry),
				stay: p.stayStart || p.stayEnd ? `${date(p.stayStart) ?? '…'} – ${date(p.stayEnd) ?? '…'}` : null,
				arrival: p.arrivalDate ? `${date(p.arrivalDate)}${p.arrivalTime ? `, ${p.arrivalTime}` : ''}` : null,
				flight: [p.flightNumber, p.arrivalAirport].filter(Boolean).join(' · ') || null,
				housing: p.housing,
				family: p.family.map((f) => ({ ...f, nationality: f.nationality ? countryName(f.nationality, locale) : null, dateOfBirth: date(f.dateOfBirth) }))
			}
		},
		answers: answerRows(c.service.questions, c.answers, pick, (d) => formatDate(d, locale, 'long')),
		documents: found.documents.map((d) => ({ id: d.id, fileName: d.fileName, bytes: d.bytes, label: pick(c.service.documents.find((x) => x.key === d.documentKey)?.label ?? {}) ?? null })),
		events: found.events,
		handlers: found.handlers.map((h) => ({ id: h.id, name: h.name })),
		letters: letters.map((l) => ({ id: l.id, code: l.code, kind: l.kind, locale: l.locale, issuedText: formatDateTime(l.issuedAt, locale), revokedReason: l.revokedReason, revoked: !!l.revokedAt, documentId: l.documentId })),
		applicantLocale: found.applicant?.locale ?? 'en',
		canHandle: found.canHandle,
		me: ctx.actor!.userId,
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	status: (event) => workspaceAction(event, (ctx, id, input) => changeCaseStatus(ctx, id, event.params.id, input), 'status'),
	assign: (event) => workspaceAction(event, (ctx, id, input) => assignCases(ctx, id, [event.params.id], input.assignee ?? ''), 'assign'),
	note: (event) => workspaceAction(event, (ctx, id, input) => addCaseNote(ctx, id, event.params.id, input), 'note'),
	message: (event) => workspaceAction(event, (ctx, id, input, form) => postStaffMessage(ctx, id, event.params.id, input, form), 'message'),
	letter: (event) => workspaceAction(event, (ctx, id, input) => issueLetter(ctx, id, event.params.id, input), 'letter'),
	revoke: (event) => workspaceAction(event, (ctx, id, input) => revokeLetter(ctx, id, input.letter ?? '', input), 'revoke')
};
