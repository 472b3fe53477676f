import { formatDate } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import type { Locale } from '$lib/i18n/locales';
import { loadOrError, runForm } from '$lib/server/http';
import { myCaseLetters } from '$lib/server/letters/letters.service';
import { newSubmissionKey } from '$lib/server/submissions/submissions.service';
import { getMyCase, postApplicantMessage } from '$lib/server/welcome/cases.service';
import { checklistForPage, documentChecklist, uploadDocument } from '$lib/server/welcome/document-review.service';
import { formatDateTime } from '$lib/i18n/format';
import { answerRows } from '$lib/welcome/service-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { ctx, locale } = event.locals;
	const found = await loadOrError(event, () => getMyCase(ctx, event.params.id));
	const letters = await myCaseLetters(ctx, found.case.id);
	const c = found.case;
	const owner = found.institution.defaultLocale as Locale;
	const pick = (text: Record<string, string | undefined>) => resolveText(text, locale, owner)?.text;
	return {
		case: { id: c.id, number: c.number, status: c.status, declineReason: c.declineReason, dueText: formatDate(c.dueOn, locale, 'long'), name: pick(c.service.name) ?? c.service.code },
		institution: { shortName: found.institution.shortName, name: pick(found.institution.name) ?? found.institution.shortName },
		answers: answerRows(c.service.questions, c.answers, pick, (d) => formatDate(d, locale, 'long')),
		documents: found.documents.map((d) => ({ id: d.id, fileName: d.fileName, bytes: d.bytes, documentKey: d.documentKey, label: pick(c.service.documents.find((x) => x.key === d.documentKey)?.label ?? {}) ?? null })),
		events: found.events,
		checklist: checklistForPage(documentChecklist(c.service.documents, found.documents), { label: (item) => pick(item.label) ?? item.key, dateTime: (at) => formatDateTime(at, locale) }),
		documentLabels: Object.fromEntries(c.service.documents.map((d) => [d.key, pick(d.label) ?? d.key])),
		letters: letters.map((l) => ({ id: l.id, kind: l.kind, title: l.title, code: l.code, documentId: l.documentId, issuedText: formatDate(l.issuedAt, locale, 'long'), revoked: !!l.revokedAt, revokedReason: l.revokedReason, authorityReference: l.authorityReference })),
		me: ctx.actor!.userId,
		canWrite: found.canWrite,
		submissionKey: newSubmissionKey()
	};
};

export const actions: Actions = {
	/** A requested document sent again (rejected) or at last (missing). */
	upload: async (event) => {
		const outcome = await runForm(event, (input, form) => uploadDocument(event.locals.ctx, event.params.id, input, form));
		if (!outcome.ok) return outcome.failure;
		return { uploaded: true };
	},
	message: async (event) => {
		const outcome = await runForm(event, (input, form) => postApplicantMessage(event.locals.ctx, event.params.id, input, form));
		if (!outcome.ok) return outcome.failure;
		return { sent: true };
	}
};
