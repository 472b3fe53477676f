import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institution } from '../institutions/institutions.tables';

/**
 * An institution's EWP host: the platform serves one manifest per institution that switches EWP
 * on (the network allows one HEI per manifest), under /ewp/<hei-id>/. The hei-id is the
 * institution's own (its profile), so it is not repeated here.
 */
export const ewpHost = pgTable('ewp_host', {
	institutionId: uuid()
		.primaryKey()
		.references(() => institution.id, { onDelete: 'cascade' }),
	enabled: boolean().notNull().default(false),
	/** A role address (never a person's: the manifest schema forbids it under GDPR). */
	adminEmail: text().notNull(),
	version: integer().notNull().default(1),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/**
 * The RSA key pairs of a host: `client` signs our requests, `server` our responses. A rotated
 * key stays published until `retiredAt` so that partners' cached catalogues still verify it.
 */
export const ewpKey = pgTable(
	'ewp_key',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		purpose: text().$type<'client' | 'server'>().notNull(),
		/** Base64 DER (SubjectPublicKeyInfo), as the manifest publishes it. */
		publicKey: text().notNull(),
		/** PKCS#8 PEM. Protected as the database is (backups included). */
		privateKey: text().notNull(),
		/** SHA-256 hex of the DER: the keyId. */
		fingerprint: text().notNull().unique(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Replaced by a newer key: no longer used to sign; unpublished after a grace period. */
		replacedAt: timestamp({ withTimezone: true })
	},
	(t) => [index('ewp_key_institution_idx').on(t.institutionId, t.purpose)]
);

/** The registry catalogue last read (one row), with where from and how that went. */
export const ewpRegistry = pgTable('ewp_registry', {
	id: integer().primaryKey().default(1),
	sourceUrl: text().notNull(),
	catalogue: text(),
	etag: text(),
	/** When the catalogue held was read. */
	fetchedAt: timestamp({ withTimezone: true }),
	/** The last attempt, successful or not. */
	checkedAt: timestamp({ withTimezone: true }),
	lastError: text()
});

/** Request ids (nonces) seen in the last minutes, per client key: a replayed request is refused. */
export const ewpNonce = pgTable(
	'ewp_nonce',
	{
		keyId: text().notNull(),
		requestId: text().notNull(),
		seenAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.keyId, t.requestId] }), index('ewp_nonce_seen_idx').on(t.seenAt)]
);

/** What came in and went out over EWP, refusals included: staff read it, the newest kept. */
export const ewpLog = pgTable(
	'ewp_log',
	{
		id: uuid().primaryKey().defaultRandom(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		institutionId: uuid().references(() => institution.id, { onDelete: 'cascade' }),
		direction: text().$type<'in' | 'out'>().notNull(),
		/** e.g. echo, iias.get. */
		api: text().notNull(),
		/** The other side: a hei-id when known, else the key or host. */
		party: text(),
		status: integer().notNull(),
		message: text(),
		requestId: text()
	},
	(t) => [index('ewp_log_institution_idx').on(t.institutionId, t.at)]
);
