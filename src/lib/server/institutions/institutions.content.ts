import { eq } from 'drizzle-orm';
import type { InstitutionContentSection } from '../content/content-types';
import { notFound } from '../platform/errors';
import type { ServiceContext } from '../platform/context';
import { getFactsheet } from './factsheet.service';
import { getFactsheetForEditing } from './factsheet-editing.service';
import { PROFILE_TEXTS } from './institutions.service';
import { institution } from './institutions.tables';
import { translationGaps } from '../editing/translation-status';

/** The profile and the factsheet as parts of an institution's content (registered at boot). */

async function profileRow(ctx: ServiceContext, institutionId: string) {
	const [row] = await ctx.db.select().from(institution).where(eq(institution.id, institutionId));
	if (!row) throw notFound();
	return row;
}

export const PROFILE_CONTENT: InstitutionContentSection = {
	key: 'institution',
	async export(ctx, institutionId) {
		const { version: _version, ...profile } = await profileRow(ctx, institutionId);
		return profile;
	},
	async translationWork(ctx, institutionId, sourceLocale) {
		const row = await profileRow(ctx, institutionId);
		return [{ type: 'profile', id: row.id, title: row.name, gaps: translationGaps(PROFILE_TEXTS, row, row.translationSources, sourceLocale) }];
	}
};

export const FACTSHEET_CONTENT: InstitutionContentSection = {
	key: 'factsheet',
	export: (ctx, institutionId) => getFactsheet(ctx, institutionId),
	async translationWork(ctx, institutionId) {
		const [{ gaps }, row] = await Promise.all([getFactsheetForEditing(ctx, institutionId), profileRow(ctx, institutionId)]);
		return [{ type: 'factsheet', id: row.id, title: row.name, gaps }];
	}
};
