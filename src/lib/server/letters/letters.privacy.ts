import { inArray, sql } from 'drizzle-orm';
import { eraseAuditChanges } from '../audit/audit.service';
import type { CaseDataHolder } from '../welcome/case-data';
import { issuedLetter } from './letters.tables';

/** Letters in a person's copy of their data, and what their erasure leaves of them. */
export const LETTER_CASE_DATA: CaseDataHolder = {
	name: 'letters',
	async exportFor(ctx, caseIds) {
		const byCase = new Map<string, unknown[]>();
		if (!caseIds.length) return byCase;
		for (const l of await ctx.db.select().from(issuedLetter).where(inArray(issuedLetter.caseId, caseIds))) {
			const list = byCase.get(l.caseId!) ?? [];
			list.push({ kind: l.kind, title: l.facts.title, language: l.locale, verificationCode: l.code, issuedAt: l.issuedAt, withdrawnAt: l.revokedAt, withdrawnReason: l.revokedReason, authorityReference: l.authorityReference, authorityReferenceAt: l.authorityReferenceAt });
			byCase.set(l.caseId!, list);
		}
		return byCase;
	},
	/**
	 * Letters keep only the holder's initials, so their codes still verify, and lose the
	 * reference an authority gave them: it points at the person in their records (and goes
	 * from the trail too).
	 */
	async erase(tx, caseIds) {
		if (!caseIds.length) return;
		const letters = await tx.db
			.update(issuedLetter)
			.set({ facts: sql`jsonb_set(${issuedLetter.facts}, '{name}', to_jsonb(regexp_replace(${issuedLetter.facts} ->> 'name', '(\\S)\\S*', '\\1.', 'g')))`, authorityReference: null, authorityReferenceAt: null })
			.where(inArray(issuedLetter.caseId, caseIds))
			.returning({ id: issuedLetter.id });
		await eraseAuditChanges(tx, 'issued_letter', letters.map((l) => l.id), 'letter.authority_reference');
	}
};
