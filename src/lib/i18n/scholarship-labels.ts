import { m } from '$lib/paraglide/messages';

export function coverLabel(cover: string) {
	return (
		{ tuition: m.cover_tuition(), stipend: m.cover_stipend(), housing: m.cover_housing(), insurance: m.cover_insurance(), travel: m.cover_travel() }[cover] ?? cover
	);
}
