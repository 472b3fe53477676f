import { countryName, formatDate, formatDateTime } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { loadOrError, runForm, workspaceAction } from '$lib/server/http';
import { getInstitutionForWorkspace } from '$lib/server/institutions/institutions.service';
import { awaitingReview, checklistForPage, documentChecklist, reviewDocument } from '$lib/server/welcome/document-review.service';
import { addCaseNote, assignCases, changeCaseStatus, getCase, postStaffMessage } from '$lib/server/welcome/case-handling.service';
import { caseLetters, issueLetter, revokeLetter, setAuthorityReference } from '$lib/server/letters/letters.service';
import { stayPurpose } from '$lib/welcome/stay-purpose';
import { canInstitution } from '$lib/server/access/policy';
import { incomingAgreementChoices } from '$lib/server/agreements/agreement-list';
import { linkIncomingAgreement } from '$lib/server/welcome/incoming-agreement.service';
import { notFound } from '$lib/server/platform/errors';
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
	// Staff who manage mobility link a person coming here to the agreement they come under (its quota).
	const canLink = !!p && p.institutionId === institution.id && canInstitution(ctx.actor, 'mobility.manage', institution.id);
	const choices = canLink ? await loadOrError(event, () => incomingAgreementChoices(ctx, institution.id)) : [];
	return {
		agreementLink: canLink
			? {
					current: p!.agreementId && p!.agreementMobility ? `${p!.agreementId}:${p!.agreementMobility}` : '',
					choices: choices.map((c) => ({ value: c.value, kind: c.kind, partner: `${resolveText(c.partnerName, locale)?.text ?? c.partnerHeiId} (${c.partnerHeiId})` }))
				}
			: null,
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
				purpose: stayPurpose(p),
				nationality: p.nationality ? countryName(p.nationality, locale) : null,
				passportName: p.passportName,
				sex: p.sex,
				dateOfBirth: date(p.dateOfBirth),
				placeOfBirth: p.placeOfBirth,
				homeAddress: p.homeAddress,
				passportNumber: p.passportNumber,
				passportIssuedOn: date(p.passportIssuedOn),
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
		...reviewData(found, pick, locale),
		events: found.events,
		handlers: found.handlers.map((h) => ({ id: h.id, name: h.name })),
		letters: letters.map((l) => ({ id: l.id, code: l.code, kind: l.kind, locale: l.locale, issuedText: formatDateTime(l.issuedAt, locale), revokedReason: l.revokedReason, revoked: !!l.revokedAt, documentId: l.documentId, authorityReference: l.authorityReference })),
		applicantLocale: found.applicant?.locale ?? 'en',
		canHandle: found.canHandle,
		me: ctx.actor!.userId,
		submissionKey: newSubmissionKey()
	};
};

/** The requested documents' checklist (with who decided what), the count waiting for review, and their labels for the thread. */
function reviewData(found: Awaited<ReturnType<typeof getCase>>, pick: (text: Record<string, string | undefined>) => string | undefined, locale: Locale) {
	const requests = found.case.service.documents;
	const checklist = documentChecklist(requests, found.documents);
	const people = new Map<string | null, string | null>([...found.events.map((e) => [e.authorId, e.authorName] as const), ...found.handlers.map((h) => [h.id, h.name] as const)]);
	return {
		checklist: checklistForPage(checklist, { label: (item) => pick(item.label) ?? item.key, dateTime: (at) => formatDateTime(at, locale), name: (id) => people.get(id) ?? null }),
		awaitingReview: awaitingReview(checklist),
		documentLabels: Object.fromEntries(requests.map((d) => [d.key, pick(d.label) ?? d.key]))
	};
}

export const actions: Actions = {
	agreement: (event) =>
		workspaceAction(
			event,
			async (ctx, id, input) => {
				const found = await getCase(ctx, id, event.params.id);
				if (!found.applicant) throw notFound();
				return linkIncomingAgreement(ctx, id, found.applicant.id, input.agreement ?? '');
			},
			'agreement'
		),
	review: async (event) => {
		const inst = await loadOrError(event, () => getInstitutionForWorkspace(event.locals.ctx, event.params.slug));
		const outcome = await runForm(event, (input) => reviewDocument(event.locals.ctx, inst.id, event.params.id, input));
		if (!outcome.ok) return outcome.failure;
		return { reviewed: outcome.result?.review ?? null, nowWaiting: !!outcome.result?.statusChanged && outcome.result.status === 'waiting' };
	},
	status: (event) => workspaceAction(event, (ctx, id, input) => changeCaseStatus(ctx, id, event.params.id, input), 'status'),
	assign: (event) => workspaceAction(event, (ctx, id, input) => assignCases(ctx, id, [event.params.id], input.assignee ?? ''), 'assign'),
	note: (event) => workspaceAction(event, (ctx, id, input) => addCaseNote(ctx, id, event.params.id, input), 'note'),
	message: (event) => workspaceAction(event, (ctx, id, input, form) => postStaffMessage(ctx, id, event.params.id, input, form), 'message'),
	letter: (event) => workspaceAction(event, (ctx, id, input) => issueLetter(ctx, id, event.params.id, input), 'letter'),
	revoke: (event) => workspaceAction(event, (ctx, id, input) => revokeLetter(ctx, id, input.letter ?? '', input), 'revoke'),
	reference: (event) => workspaceAction(event, (ctx, id, input) => setAuthorityReference(ctx, id, input.letter ?? '', input), 'reference')
};
