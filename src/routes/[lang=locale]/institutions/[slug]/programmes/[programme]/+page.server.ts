import { countryName } from '$lib/i18n/format';
import type { ProgrammeLevel } from '$lib/programmes/taxonomy';
import { presentProgramme } from '$lib/server/programmes/present';
import { getProgramme } from '$lib/server/programmes/programmes.service';
import { todayIn } from '$lib/server/guides/planner.service';
import { loadOrError } from '$lib/server/http';
import { presentScholarship } from '$lib/server/scholarships/present';
import { scholarshipsForProgramme } from '$lib/server/scholarships/scholarships.service';
import type { PageServerLoad } from './$types';

// A read-only public page: rendered on the server, no client code (links and GET forms work as they are).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { locale } = event.locals;
	const { programme: p, institution } = await loadOrError(event, () => getProgramme(event.locals.ctx, event.params.slug, event.params.programme));
	const today = todayIn('UTC');
	const scholarships = await scholarshipsForProgramme(event.locals.ctx, { countryCode: institution.countryCode, institutionId: p.institutionId, level: p.level, iscedCode: p.iscedCode });
	return {
		scholarships: scholarships.map((s) => presentScholarship(s, locale)),
		programme: presentProgramme(p as typeof p & { level: ProgrammeLevel }, locale, today),
		institution: { ...institution, country: countryName(institution.countryCode, locale) }
	};
};
