import { createHash, randomInt } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatDate } from '$lib/i18n/format';
import { LOCALES, isLocale, type Locale } from '$lib/i18n/locales';
import { cleanLocalizedText, resolveText, type LocalizedText } from '$lib/i18n/localized-text';
import { t, type MessageKey } from '$lib/i18n/messages';
import { OPEN_STATUSES } from '$lib/welcome/case-status';
import { authorizeInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { institutionContact } from '../institutions/factsheet.service';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type ServiceContext } from '../platform/context';
import { AppError, invalidInput, isUniqueViolation, notFound, staleEdit } from '../platform/errors';
import { failpoint } from '../platform/failpoints';
import { onlyOnce, RepeatedSubmission } from '../submissions/submissions.service';
import { parseVersion, isUuid } from '../platform/validation';
import { notifyApplicant } from '../welcome/case-mail';
import { attachLetterToCase } from '../welcome/case-response';
import { caseWithApplicantProfile, findInstitutionCase } from '../welcome/case-handling.service';
import { isMyCase } from '../welcome/cases.service';
import { requireSignedIn } from '../welcome/incoming.service';
import { letterFacts } from './letter-facts';
import { renderLetterPdf } from './letter-pdf';
import { DEFAULT_TEMPLATES, fillTemplate, LETTER_KINDS, paragraphsOf, unknownPlaceholders, usedPlaceholders, type LetterKind } from './letter-text';
import { issuedLetter, letterTemplate } from './letters.tables';

/**
 * Letters of the welcome centre: each institution's wording per kind and language, letters
 * issued from a case as PDFs with a verification code, and the public check of that code.
 */
async function owner(ctx: ServiceContext, institutionId: string) {
	const [row] = await ctx.db.select().from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
	if (!row) throw notFound();
	return row;
}

/** Each kind's template: the institution's own, or the platform's default wording. */
export async function letterTemplates(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	const rows = await ctx.db.select().from(letterTemplate).where(eq(letterTemplate.institutionId, institutionId));
	return LETTER_KINDS.map((kind) => {
		const row = rows.find((r) => r.kind === kind);
		return row ? { ...row, kind, isDefault: false } : { kind, title: DEFAULT_TEMPLATES[kind].title, body: DEFAULT_TEMPLATES[kind].body, signatoryName: '', signatoryTitle: {} as LocalizedText, version: 0, isDefault: true };
	});
}

export async function getLetterTemplate(ctx: ServiceContext, institutionId: string, kind: string) {
	const found = (await letterTemplates(ctx, institutionId)).find((x) => x.kind === kind);
	if (!found) throw notFound();
	return found;
}

const texts = (input: Record<string, string>, name: string, max: number) => cleanLocalizedText(Object.fromEntries(LOCALES.map((l) => [l, (input[`${name}.${l}`] ?? '').slice(0, max)])));

/** Saves an institution's wording of one kind of letter (its admins). */
export async function saveLetterTemplate(ctx: ServiceContext, institutionId: string, kind: string, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'welcome.configure', institutionId);
	if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw notFound();
	const inst = await owner(ctx, institutionId);
	const source = inst.defaultLocale as Locale;
	const next = { title: texts(input, 'title', 200), body: texts(input, 'body', 6000), signatoryName: (input.signatoryName ?? '').trim().slice(0, 200), signatoryTitle: texts(input, 'signatoryTitle', 200) };
	const errors: Record<string, MessageKey> = {};
	if (!next.title[source]) errors[`title.${source}`] = 'error_required';
	if (!next.body[source]) errors[`body.${source}`] = 'error_required';
	for (const l of LOCALES) if (next.body[l] && unknownPlaceholders(next.body[l]!).length) errors[`body.${l}`] = 'error_letter_placeholder';
	if (!next.signatoryName) errors.signatoryName = 'error_required';
	if (Object.keys(errors).length) throw invalidInput(errors);
	const version = parseVersion(input.version ?? '0', 0);
	return inTransaction(ctx, async (tx) => {
		const [current] = await tx.db.select().from(letterTemplate).where(and(eq(letterTemplate.institutionId, institutionId), eq(letterTemplate.kind, kind)));
		if ((current?.version ?? 0) !== version) throw staleEdit();
		const [saved] = current
			? await tx.db.update(letterTemplate).set({ ...next, version: sql`${letterTemplate.version} + 1`, updatedAt: new Date() }).where(and(eq(letterTemplate.id, current.id), eq(letterTemplate.version, version))).returning()
			: await tx.db.insert(letterTemplate).values({ ...next, institutionId, kind }).onConflictDoNothing().returning();
		if (!saved) throw staleEdit();
		await recordAudit(tx, { entityType: 'letter_template', entityId: saved.id, institutionId, action: 'letter_template.save', changes: diffFields(current ? { title: current.title, body: current.body, signatoryName: current.signatoryName, signatoryTitle: current.signatoryTitle } : null, next) });
		return saved;
	});
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 12 characters from 32 (60 bits): printed as XXXX-XXXX-XXXX, never guessed. */
export const newVerificationCode = () => {
	const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
	return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
};
/** A code as people type it (lower case, spaces, no dashes) in its printed form. */
export const normalizeCode = (value: string) => {
	const raw = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
	return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : null;
};

const issueSchema = z.object({ kind: z.enum(LETTER_KINDS, 'error_choose_one'), locale: z.enum(LOCALES, 'error_choose_one') });

/**
 * Issues a letter from a case: fills the template with the applicant's profile in the chosen
 * language, renders the PDF, attaches it to the case for the applicant, and records its code.
 */
export async function issueLetter(ctx: ServiceContext, institutionId: string, caseId: string, input: Record<string, string>, now = ctx.clock.now()) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const { kind, locale } = (() => {
		const parsed = issueSchema.safeParse(input);
		if (!parsed.success) throw invalidInput({ [String(parsed.error.issues[0]?.path[0] ?? 'kind')]: 'error_choose_one' });
		return parsed.data as { kind: LetterKind; locale: Locale };
	})();
	if (!isUuid(caseId)) throw notFound();
	const found = await caseWithApplicantProfile(ctx, institutionId, caseId);
	if (!found) throw notFound();
	// A closed case is not answered any more, by a letter either (checked again in the transaction).
	if (!OPEN_STATUSES.includes(found.case.status)) throw new AppError('invalid_input', 'error_case_closed', { kind: 'error_case_closed' });
	if (!found.name) throw invalidInput({ kind: 'error_letter_no_applicant' });
	const inst = await owner(ctx, institutionId);
	const template = await getLetterTemplate(ctx, institutionId, kind);
	const contact = await institutionContact(ctx, institutionId);
	const pick = (text: Record<string, string | undefined>) => resolveText(text, locale, inst.defaultLocale as Locale)?.text ?? '';
	const instName = pick(inst.name) || inst.shortName;
	const facts = letterFacts(locale, found.name, found.profile, { institution: instName, city: pick(inst.city), countryCode: inst.countryCode });
	// An official letter never says "—": the profile must hold every fact its text uses. Staff are
	// told which ones are missing, in their own language.
	const missing = usedPlaceholders(pick(template.body)).filter((name) => !facts[name]);
	if (missing.length)
		throw new AppError('invalid_input', 'letters_error_missing_facts', { kind: 'error_letter_missing_facts' }, { list: missing.map((name) => t(`letters_placeholder_${name}` as MessageKey, ctx.locale)).join('; ') });
	const title = pick(template.title);
	const paragraphs = paragraphsOf(fillTemplate(pick(template.body), facts));
	const office = contact?.internationalOffice ?? {};
	const letterhead = {
		name: instName,
		lines: [pick(office.address ?? {}) || [facts.city, facts.country].filter(Boolean).join(', '), [office.email, office.phone, office.url ?? contact?.website].filter(Boolean).join(' · ')].filter(Boolean)
	};

	for (let attempt = 0; ; attempt++) {
		const code = newVerificationCode();
		const verifyUrl = `${ctx.config.origin}/${locale}/verify/${code}`;
		const pdf = await renderLetterPdf({
			lang: locale,
			letterhead,
			title,
			reference: t('letter_reference', locale, { institution: inst.shortName, number: String(found.case.number) }),
			date: formatDate(now, locale, 'long'),
			paragraphs,
			signatory: { name: template.signatoryName || '', title: pick(template.signatoryTitle) },
			verification: { code, url: verifyUrl, label: t('letter_verify_note', locale), codeLabel: t('letter_code', locale) }
		});
		const documentId = crypto.randomUUID();
		const storageKey = `cases/${caseId}/${documentId}.pdf`;
		await ctx.media.put(storageKey, pdf, 'application/pdf');
		try {
			return await inTransaction(ctx, async (tx) => {
				await onlyOnce(tx, input.submissionKey);
				const [letter] = await tx.db
					.insert(issuedLetter)
					.values({
						code,
						institutionId,
						caseId,
						kind,
						locale,
						facts: { name: facts.name, title, stay: [facts.stay_start, facts.stay_end].filter(Boolean).join(' – ') },
						textSha256: createHash('sha256').update([title, ...paragraphs].join('\n')).digest('hex'),
						documentId,
						issuedById: ctx.actor!.userId,
						issuedAt: now
					})
					.returning();
				const updated = await attachLetterToCase(tx, institutionId, found.case, { id: letter!.id, title, documentId, fileName: `${title} ${code}.pdf`.replace(/[\p{Cc}"\\/]/gu, ''), bytes: pdf.byteLength, storageKey }, now);
				await recordAudit(tx, { entityType: 'issued_letter', entityId: letter!.id, institutionId, action: 'letter.issue', changes: diffFields(null, { kind, locale, code, case: caseId }) });
				await notifyApplicant(tx, updated, 'case_letter');
				// The PDF is stored; the letter, the case's document and status, audit and mail are written, none committed (faults.int.test.ts).
				failpoint('letters.issue.before-commit');
				return letter!;
			});
		} catch (err) {
			await ctx.media.delete(storageKey);
			if (err instanceof RepeatedSubmission) return null;
			if (isUniqueViolation(err) && attempt < 3) continue;
			throw err;
		}
	}
}

/** The letters issued in a case (staff). */
export async function caseLetters(ctx: ServiceContext, institutionId: string, caseId: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	return ctx.db.select().from(issuedLetter).where(and(eq(issuedLetter.institutionId, institutionId), eq(issuedLetter.caseId, caseId))).orderBy(desc(issuedLetter.issuedAt));
}

/** Withdraws a letter: its code then verifies as withdrawn, with the reason. */
export async function revokeLetter(ctx: ServiceContext, institutionId: string, letterId: string, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	if (!isUuid(letterId)) throw notFound();
	const reason = (input.reason ?? '').trim();
	if (!reason) throw invalidInput({ reason: 'error_required' });
	return inTransaction(ctx, async (tx) => {
		const [row] = await tx.db
			.update(issuedLetter)
			.set({ revokedAt: new Date(), revokedReason: reason.slice(0, 500) })
			.where(and(eq(issuedLetter.id, letterId), eq(issuedLetter.institutionId, institutionId), sql`${issuedLetter.revokedAt} is null`))
			.returning();
		if (!row) throw notFound();
		await recordAudit(tx, { entityType: 'issued_letter', entityId: row.id, institutionId, action: 'letter.revoke', changes: { revokedReason: { from: null, to: reason } } });
		return row;
	});
}

/** A reference as typed: control characters and repeated spaces gone; at most 100 characters. */
const referenceSchema = z
	.string()
	.transform((v) => v.replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ').trim())
	.refine((v) => v.length <= 100, 'error_too_long');

/**
 * Records what an authority assigned to a letter after it was issued (a Kazakh invitation's
 * registration number at the migration service), or corrects or clears it. Audited; a new
 * reference is mailed to the applicant once the change is committed.
 */
export async function setAuthorityReference(ctx: ServiceContext, institutionId: string, letterId: string, input: Record<string, string>, now = ctx.clock.now()) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	if (!isUuid(letterId)) throw notFound();
	const parsed = referenceSchema.safeParse(input.authorityReference ?? '');
	if (!parsed.success) throw invalidInput({ authorityReference: parsed.error.issues[0]!.message as MessageKey });
	const reference = parsed.data || null;
	const changed = await inTransaction(ctx, async (tx) => {
		const [current] = await tx.db
			.select()
			.from(issuedLetter)
			.where(and(eq(issuedLetter.id, letterId), eq(issuedLetter.institutionId, institutionId)))
			.for('update');
		if (!current) throw notFound();
		if (current.authorityReference === reference) return null;
		const [row] = await tx.db
			.update(issuedLetter)
			.set({ authorityReference: reference, authorityReferenceAt: reference ? now : null })
			.where(eq(issuedLetter.id, current.id))
			.returning();
		await recordAudit(tx, { entityType: 'issued_letter', entityId: current.id, institutionId, action: 'letter.authority_reference', changes: { authorityReference: { from: current.authorityReference, to: reference } } });
		return row!;
	});
	// The applicant hears of a new reference after the change is committed (a rollback mails nothing).
	if (changed?.authorityReference && changed.caseId) {
		const c = await findInstitutionCase(ctx, institutionId, changed.caseId);
		const reference = changed.authorityReference;
		if (c) await notifyApplicant(ctx, c, 'case_letter_reference', (locale) => ({ reference, letter: t(`letter_kind_${changed.kind}` as MessageKey, locale) }));
	}
	return changed;
}

/** The letters of one of the signed-in person's own requests, with what authorities assigned to them. */
export async function myCaseLetters(ctx: ServiceContext, caseId: string) {
	requireSignedIn(ctx);
	if (!isUuid(caseId)) throw notFound();
	if (!(await isMyCase(ctx, caseId))) return [];
	return ctx.db
		.select({
			id: issuedLetter.id,
			kind: issuedLetter.kind,
			code: issuedLetter.code,
			title: sql<string>`${issuedLetter.facts} ->> 'title'`,
			documentId: issuedLetter.documentId,
			issuedAt: issuedLetter.issuedAt,
			revokedAt: issuedLetter.revokedAt,
			revokedReason: issuedLetter.revokedReason,
			authorityReference: issuedLetter.authorityReference,
			authorityReferenceAt: issuedLetter.authorityReferenceAt
		})
		.from(issuedLetter)
		.where(eq(issuedLetter.caseId, caseId))
		.orderBy(desc(issuedLetter.issuedAt));
}

/** The public check of a code: who issued what, to whom, when, and whether it still stands. */
export async function verifyLetter(ctx: ServiceContext, rawCode: string) {
	const code = normalizeCode(rawCode);
	if (!code) return null;
	const [row] = await ctx.db
		.select({ letter: issuedLetter, institution: { name: institutionDirectory.name, shortName: institutionDirectory.shortName, slug: institutionDirectory.slug, defaultLocale: institutionDirectory.defaultLocale } })
		.from(issuedLetter)
		.innerJoin(institutionDirectory, eq(institutionDirectory.id, issuedLetter.institutionId))
		.where(eq(issuedLetter.code, code));
	if (!row) return null;
	const locale = isLocale(row.letter.locale) ? row.letter.locale : 'en';
	return { code, kind: row.letter.kind, locale, facts: row.letter.facts, issuedAt: row.letter.issuedAt, revokedAt: row.letter.revokedAt, revokedReason: row.letter.revokedReason, textSha256: row.letter.textSha256, institution: row.institution };
}
