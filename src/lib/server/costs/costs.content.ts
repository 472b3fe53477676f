import { gapsByLocale, type InstitutionContentSection } from '../content/content-types';
import { listInstitutionCosts } from './institution-costs.service';

/** An institution's own prices as part of its content (registered at boot). */
export const COSTS_CONTENT: InstitutionContentSection = {
	key: 'costs',
	async export(ctx, institutionId) {
		return (await listInstitutionCosts(ctx, institutionId)).map(({ version: _version, ...item }) => item);
	},
	/** Price notes keep no translation sources: only missing ones are listed. */
	async translationWork(ctx, institutionId, source) {
		const items = await listInstitutionCosts(ctx, institutionId);
		return items
			.filter((item) => item.note[source]?.trim())
			.map((item) => ({
				type: 'costs' as const,
				id: item.id,
				title: item.note,
				gaps: gapsByLocale((locale) => ({ missing: item.note[locale]?.trim() ? [] : ['note'], stale: [] }))
			}));
	}
};
