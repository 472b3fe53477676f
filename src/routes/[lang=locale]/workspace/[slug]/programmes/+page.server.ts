import type { Locale } from '$lib/i18n/locales';
import { resolveText } from '$lib/i18n/localized-text';
import { authorizeInstitution } from '$lib/server/access/policy';
import { loadOrError } from '$lib/server/http';
import { listProgrammesForExport } from '$lib/server/programmes/programme-import.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { institution } = await event.parent();
	const rows = await loadOrError(event, async () => {
		authorizeInstitution(event.locals.ctx.actor, 'content.translate', institution.id);
		return listProgrammesForExport(event.locals.ctx, institution.id);
	});
	return {
		programmes: rows.map((p) => ({ slug: p.slug, level: p.level, status: p.status, title: resolveText(p.title, event.locals.locale, institution.defaultLocale as Locale)?.text ?? p.slug })),
		imported: Number(event.url.searchParams.get('imported')) || null
	};
};
