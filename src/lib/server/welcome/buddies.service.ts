import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatDate } from '$lib/i18n/format';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import type { MessageKey } from '$lib/i18n/messages';
import { SPOKEN_LANGUAGES, suggestBuddies } from '$lib/welcome/buddy-match';
import { authorizeInstitution } from '../access/policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { person } from '../auth/auth.views';
import { institutionDirectory } from '../institutions/institutions.views';
import { inTransaction, type ServiceContext } from '../platform/context';
import { invalidInput, isUniqueViolation, notFound, staleEdit } from '../platform/errors';
import { listFromForm, parseEachField, isUuid } from '../platform/validation';
import { buddy, buddyMatch } from './buddies.tables';
import { requireSignedIn } from './incoming.service';
import { incomingProfile } from './incoming.tables';

/**
 * Buddies of an institution: volunteers with their languages and interests, the incoming
 * people going there without a buddy (with suggestions), and matches, of which both sides
 * are told by e-mail.
 */
const buddySchema = z.object({
	name: z.string().trim().min(1, 'error_required').max(200, 'error_too_long'),
	email: z.string().trim().toLowerCase().email('error_email_invalid'),
	languages: z
		.string()
		.transform((v) => listFromForm(v))
		.refine((list) => list.length > 0, 'error_choose_at_least_one')
		.refine((list) => list.every((l) => (SPOKEN_LANGUAGES as readonly string[]).includes(l)), 'error_choose_one'),
	interests: z.string().trim().max(500, 'error_too_long'),
	capacity: z
		.string()
		.trim()
		.refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 20, 'error_number_range')
		.transform(Number),
	active: z.string().optional().transform((v) => v === 'on'),
	version: z.coerce.number().int().min(0)
});

export async function getBuddy(ctx: ServiceContext, institutionId: string, id: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	if (!isUuid(id)) throw notFound();
	const [row] = await ctx.db.select().from(buddy).where(and(eq(buddy.id, id), eq(buddy.institutionId, institutionId)));
	if (!row) throw notFound();
	return row;
}

/** Adds (`id` null) or changes a buddy. */
export async function saveBuddy(ctx: ServiceContext, institutionId: string, id: string | null, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const { values, errors } = parseEachField(buddySchema, input);
	if (Object.keys(errors).length) throw invalidInput(errors as Record<string, MessageKey>);
	const data = values as z.output<typeof buddySchema>;
	const next = { name: data.name, email: data.email, languages: data.languages, interests: data.interests, capacity: data.capacity, active: data.active };
	try {
		return await inTransaction(ctx, async (tx) => {
			if (!id) {
				const [created] = await tx.db.insert(buddy).values({ ...next, institutionId }).returning();
				await recordAudit(tx, { entityType: 'buddy', entityId: created!.id, institutionId, action: 'buddy.create', changes: diffFields(null, next) });
				return created!;
			}
			const before = await getBuddy(tx, institutionId, id);
			const [saved] = await tx.db
				.update(buddy)
				.set({ ...next, version: sql`${buddy.version} + 1` })
				.where(and(eq(buddy.id, id), eq(buddy.institutionId, institutionId), eq(buddy.version, data.version)))
				.returning();
			if (!saved) throw staleEdit();
			await recordAudit(tx, { entityType: 'buddy', entityId: id, institutionId, action: 'buddy.update', changes: diffFields(before, next) });
			return saved;
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw invalidInput({ email: 'error_buddy_email_taken' });
		throw err;
	}
}

/** The board: buddies with how many people they help, and incoming people with their match or suggestions. */
export async function buddyBoard(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'case.view', institutionId);
	const [buddies, loads, people, matches] = await Promise.all([
		ctx.db.select().from(buddy).where(eq(buddy.institutionId, institutionId)).orderBy(asc(buddy.name)),
		ctx.db.select({ buddyId: buddyMatch.buddyId, n: count() }).from(buddyMatch).where(eq(buddyMatch.institutionId, institutionId)).groupBy(buddyMatch.buddyId),
		ctx.db
			.select({ userId: incomingProfile.userId, name: person.name, email: person.email, nationality: incomingProfile.nationality, arrivalDate: incomingProfile.arrivalDate, languages: incomingProfile.languages, interests: incomingProfile.interests })
			.from(incomingProfile)
			.innerJoin(person, eq(person.id, incomingProfile.userId))
			.where(eq(incomingProfile.institutionId, institutionId))
			.orderBy(asc(incomingProfile.arrivalDate)),
		ctx.db.select().from(buddyMatch).where(eq(buddyMatch.institutionId, institutionId))
	]);
	const withLoad = buddies.map((b) => ({ ...b, matched: Number(loads.find((l) => l.buddyId === b.id)?.n ?? 0) }));
	return {
		buddies: withLoad,
		people: people.map((p) => {
			const match = matches.find((x) => x.userId === p.userId);
			return { ...p, buddyId: match?.buddyId ?? null, suggestions: match ? [] : suggestBuddies(p, withLoad).map((s) => ({ id: s.buddy.id, name: s.buddy.name, languages: s.languages, interests: s.interests })) };
		})
	};
}

async function notify(ctx: ServiceContext, institutionId: string, incoming: { name: string; email: string; locale: string; arrivalDate: string | null }, mate: { name: string; email: string }) {
	const [inst] = await ctx.db.select({ name: institutionDirectory.name, shortName: institutionDirectory.shortName, defaultLocale: institutionDirectory.defaultLocale }).from(institutionDirectory).where(eq(institutionDirectory.id, institutionId));
	const personLocale: Locale = isLocale(incoming.locale) ? incoming.locale : 'en';
	const instName = (l: Locale) => resolveText(inst!.name, l, inst!.defaultLocale as Locale)?.text ?? inst!.shortName;
	await ctx.mailer.send(ctx.db, { to: incoming.email, template: 'buddy_for_incoming', locale: personLocale, params: { url: `${ctx.config.origin}/${personLocale}/my`, buddy: mate.name, email: mate.email, institution: instName(personLocale) } });
	// Buddies have no account: they are written to in the institution's language.
	const buddyLocale = inst!.defaultLocale as Locale;
	await ctx.mailer.send(ctx.db, {
		to: mate.email,
		template: 'buddy_for_volunteer',
		locale: buddyLocale,
		params: { url: `mailto:${incoming.email}`, person: incoming.name, email: incoming.email, arrival: incoming.arrivalDate ? formatDate(incoming.arrivalDate, buddyLocale, 'long') : '—', institution: instName(buddyLocale) }
	});
}

/** Matches an incoming person going to the institution with a buddy who has room; both are told. */
export async function matchBuddy(ctx: ServiceContext, institutionId: string, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const mate = await getBuddy(ctx, institutionId, input.buddy ?? '');
	const [incoming] = await ctx.db
		.select({ userId: person.id, name: person.name, email: person.email, locale: person.locale, arrivalDate: incomingProfile.arrivalDate })
		.from(incomingProfile)
		.innerJoin(person, eq(person.id, incomingProfile.userId))
		.where(and(eq(incomingProfile.userId, input.person ?? ''), eq(incomingProfile.institutionId, institutionId)));
	if (!incoming) throw notFound();
	return inTransaction(ctx, async (tx) => {
		// Serialise matches of one buddy, so two at once cannot pass their capacity.
		await tx.db.execute(sql`select id from buddy where id = ${mate.id} for update`);
		const [{ n }] = (await tx.db.select({ n: count() }).from(buddyMatch).where(eq(buddyMatch.buddyId, mate.id))) as [{ n: number }];
		if (!mate.active || Number(n) >= mate.capacity) throw invalidInput({ buddy: 'error_buddy_full' }, 'error_buddy_full');
		const [created] = await tx.db.insert(buddyMatch).values({ institutionId, buddyId: mate.id, userId: incoming.userId, matchedById: ctx.actor!.userId }).onConflictDoNothing().returning();
		if (!created) throw invalidInput({ buddy: 'error_buddy_already' }, 'error_buddy_already');
		await recordAudit(tx, { entityType: 'buddy_match', entityId: created.id, institutionId, action: 'buddy.match', changes: diffFields(null, { buddy: mate.name, person: incoming.name }) });
		await notify(tx, institutionId, incoming, mate);
		return created;
	});
}

/** Ends a match (the person or the buddy asked for another). */
export async function unmatchBuddy(ctx: ServiceContext, institutionId: string, input: Record<string, string>) {
	authorizeInstitution(ctx.actor, 'case.handle', institutionId);
	const [removed] = await ctx.db.delete(buddyMatch).where(and(eq(buddyMatch.institutionId, institutionId), eq(buddyMatch.userId, input.person ?? ''))).returning();
	if (!removed) throw notFound();
	await recordAudit(ctx, { entityType: 'buddy_match', entityId: removed.id, institutionId, action: 'buddy.unmatch' });
}

/** The signed-in person's buddy at their destination, if they have one. */
export async function myBuddy(ctx: ServiceContext) {
	const actor = requireSignedIn(ctx);
	const [row] = await ctx.db
		.select({ name: buddy.name, email: buddy.email, languages: buddy.languages, interests: buddy.interests })
		.from(buddyMatch)
		.innerJoin(buddy, eq(buddy.id, buddyMatch.buddyId))
		.innerJoin(incomingProfile, and(eq(incomingProfile.userId, buddyMatch.userId), eq(incomingProfile.institutionId, buddyMatch.institutionId)))
		.where(eq(buddyMatch.userId, actor.userId));
	return row ?? null;
}
