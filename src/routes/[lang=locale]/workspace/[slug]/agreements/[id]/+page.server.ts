import { formatDate, formatDateTime } from '$lib/i18n/format';
import { resolveText } from '$lib/i18n/localized-text';
import { loadOrError, workspaceAction } from '$lib/server/http';
import { wholeNumberParam } from '$lib/server/platform/query-params';
import { isOutgoing } from '$lib/server/agreements/agreement-content';
import { approveAgreement, getAgreement, importPartnerCopy, partnerCopyDifferences, recordPartnerApproval, restoreVersion, terminateAgreement, versionDifferences } from '$lib/server/agreements/agreements.service';
import { conditionQuotas, exchangesUnder } from '$lib/server/agreements/quota';
import { agreementUsage } from '$lib/server/welcome/incoming-agreement.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const { ctx, locale } = event.locals;
	const { agreement: a, partner, versions, approvals } = await loadOrError(event, () => getAgreement(ctx, institution.id, event.params.id));
	const usage = await loadOrError(event, () => agreementUsage(ctx, institution.id, a.id));
	const quotas = conditionQuotas(a.content, usage);
	const diffTo = wholeNumberParam(event.url.searchParams.get('diff'), 2, 100_000);
	const differences = diffTo && diffTo <= a.version ? await loadOrError(event, () => versionDifferences(ctx, institution.id, a.id, diffTo - 1, diffTo)) : null;
	const unitName = (units: typeof partner.units, ounitId: string | undefined) => {
		if (!ounitId) return null;
		const unit = units.find((u) => u.ounitId === ounitId);
		return unit ? `${resolveText(unit.name, locale)?.text ?? ounitId} (${ounitId})` : ounitId;
	};
	const ours = a.content.ours.heiId;
	return {
		created: event.url.searchParams.has('created'),
		savedVersion: wholeNumberParam(event.url.searchParams.get('saved')) ?? null,
		agreement: {
			id: a.id,
			kind: a.kind as 'erasmus' | 'bilateral' | 'mou',
			iiaId: a.iiaId,
			version: a.version,
			hash: a.hash,
			terminated: a.content.terminated,
			ours: { ...a.content.ours, unit: a.content.ours.ounitId ?? null },
			partner: { ...a.content.partner, name: resolveText(partner.partner.name, locale)?.text ?? partner.partner.heiId, unit: unitName(partner.units, a.content.partner.ounitId) },
			conditions: a.content.conditions.map((c, i) => {
				const outgoing = isOutgoing(c, ours);
				const student = c.kind === 'student-studies' || c.kind === 'student-traineeship';
				return {
					kind: c.kind,
					outgoing,
					years: `${c.firstAcademicYear} – ${c.lastAcademicYear}`,
					mobilities: c.mobilitiesPerYear,
					total: (student ? c.totalMonthsPerYear : c.totalDaysPerYear) ?? null,
					partnerUnit: unitName(partner.units, outgoing ? c.receivingOunitId : c.sendingOunitId),
					ourUnit: (outgoing ? c.sendingOunitId : c.receivingOunitId) ?? null,
					languages: c.languageSkills.map((l) => [l.language, l.cefrLevel, l.subjectArea?.iscedCode].filter(Boolean).join(' ')),
					subjects: c.subjectAreas.map((s) => [s.iscedCode, s.clarification].filter(Boolean).join(' ')),
					eqf: c.eqfLevels ?? [],
					blended: c.blended ?? null,
					otherInfo: c.otherInfoTerms ?? null,
					quota: quotas[i] ?? null
				};
			})
		},
		approvals,
		mutuallyApproved: approvals.ours === 'approved' && approvals.partner === 'approved',
		exchanges: exchangesUnder(usage),
		terminatedVersion: wholeNumberParam(event.url.searchParams.get('terminated')) ?? null,
		ourApproval: a.ourApprovalAt ? { date: formatDate(a.ourApprovalAt, locale, 'long'), by: a.ourApprovalBy ?? '' } : null,
		partnerApproval: a.partnerApprovalAt ? { date: formatDate(a.partnerApprovalAt, locale, 'long'), version: a.partnerApprovalVersion ?? 0, note: a.partnerApprovalNote } : null,
		versions: versions.map((v) => ({
			number: v.number,
			hash: v.hash,
			author: v.authorEmail ?? '—',
			date: formatDateTime(v.createdAt, locale),
			// Approved by both: we approved this text (or the partner's copy of the same hash) and the partner approved it.
			approvedByBoth: v.hash === a.partnerApprovalHash && v.hash === a.ourApprovalHash
		})),
		diff: differences ? { from: diffTo! - 1, to: diffTo!, differences } : null,
		partnerCopy: a.partnerCopy
			? { at: formatDateTime(a.partnerCopyAt!, locale), hash: a.partnerCopyHash ?? '', validForApproval: a.partnerCopyValidForApproval !== false, differences: partnerCopyDifferences(a) ?? [] }
			: null
	};
};

export const actions: Actions = {
	importCopy: (event) =>
		workspaceAction(
			event,
			async (ctx, institutionId, _input, form) => {
				const file = form.get('file');
				const copy = file instanceof File && file.size > 0 ? { text: await file.text(), size: file.size } : null;
				return importPartnerCopy(ctx, institutionId, event.params.id, copy);
			},
			'imported'
		),
	approve: (event) => workspaceAction(event, (ctx, institutionId, input) => approveAgreement(ctx, institutionId, event.params.id, input), 'approved'),
	terminate: (event) =>
		workspaceAction(
			event,
			async (ctx, institutionId, input) => terminateAgreement(ctx, institutionId, event.params.id, input, exchangesUnder(await agreementUsage(ctx, institutionId, event.params.id))),
			'terminated'
		),
	restore: (event) => workspaceAction(event, (ctx, institutionId, input) => restoreVersion(ctx, institutionId, event.params.id, input), 'restored'),
	partnerApproved: (event) => workspaceAction(event, (ctx, institutionId, input) => recordPartnerApproval(ctx, institutionId, event.params.id, input), 'approved')
};
