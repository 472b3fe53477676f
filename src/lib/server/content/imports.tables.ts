import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { institution } from '../institutions/institutions.tables';

/**
 * A checked import waiting for confirmation: the dry run validates the whole file and keeps the
 * valid rows here, so "Import" writes exactly what was shown, in one transaction, without
 * uploading the file again. Applied or abandoned batches are cleared after a day.
 */
export const importBatch = pgTable(
	'import_batch',
	{
		id: uuid().primaryKey().defaultRandom(),
		institutionId: uuid()
			.notNull()
			.references(() => institution.id, { onDelete: 'cascade' }),
		userId: text().notNull(),
		/** 'programmes' */
		kind: text().notNull(),
		fileName: text(),
		rows: jsonb().$type<unknown[]>().notNull(),
		creates: integer().notNull(),
		updates: integer().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		appliedAt: timestamp({ withTimezone: true })
	},
	(t) => [index('import_batch_institution_idx').on(t.institutionId, t.createdAt)]
);
