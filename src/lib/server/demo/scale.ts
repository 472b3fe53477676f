import { PROGRAMME_LEVELS } from '$lib/programmes/taxonomy';
import { seedDemoInstitutions } from '../institutions/institutions.seed';
import type { Platform } from '../platform/context';
import { seedDemoProgrammeRows } from '../programmes/programmes.seed';

/**
 * Synthetic data for scale tests and the benchmark: `institutions` extra institutions with
 * `programmesEach` programmes each, spread over countries, levels, fields, languages and fees.
 * Marked demo; slugs start with "scale-".
 */
export async function generateScaleData(platform: Platform, options: { institutions: number; programmesEach: number }) {
	const countries = [
		['KZ', 'Astana', 'KZT', 0.00175],
		['KZ', 'Almaty', 'KZT', 0.00175],
		['CN', 'Beijing', 'CNY', 0.127],
		['CN', 'Shanghai', 'CNY', 0.127],
		['ES', 'Barcelona', 'EUR', 1],
		['SE', 'Stockholm', 'SEK', 0.088]
	] as const;
	const fields = ['0112', '0213', '0311', '0412', '0413', '0533', '0613', '0713', '0732', '0812', '0912', '1015'];
	const languages = [['en'], ['ru'], ['kk', 'ru'], ['zh'], ['en', 'zh'], ['en', 'ru']];
	let created = 0;
	for (let start = 0; start < options.institutions; start += 100) {
		const batch = Array.from({ length: Math.min(100, options.institutions - start) }, (_, k) => {
			const i = start + k;
			const [countryCode, city] = countries[i % countries.length]!;
			return {
				slug: `scale-${i}`,
				shortName: `S${i}`,
				name: { en: `Scale University ${i}`, ru: `Университет ${i}`, zh: `大学${i}` },
				city: { en: city },
				countryCode,
				defaultLocale: 'en',
				locales: ['en']
			};
		});
		const rows = await seedDemoInstitutions(platform, batch);
		const programmes = rows.flatMap((row) => {
			const i = Number(row.slug.slice(6));
			const [, , currency, rate] = countries[i % countries.length]!;
			return Array.from({ length: options.programmesEach }, (_, j) => {
				const n = i * options.programmesEach + j;
				const tuition = currency === 'KZT' ? 800_000 + (n % 40) * 100_000 : currency === 'CNY' ? 20_000 + (n % 30) * 1_000 : 1_000 + (n % 20) * 500;
				// Application windows of 2–5 months spread over two years: at any date about a
				// sixth are open, as in real admissions, so "applications open" filters something.
				const opens = new Date(Date.UTC(2026, (i * 5 + j * 7) % 24, 1));
				const closes = new Date(Date.UTC(opens.getUTCFullYear(), opens.getUTCMonth() + 2 + (n % 4), 15));
				return {
					institutionId: row.id,
					slug: `programme-${j}`,
					title: { en: `Programme ${j} in field ${fields[n % fields.length]}`, ru: `Программа ${j}` },
					summary: { en: 'Synthetic programme for scale tests.' },
					level: PROGRAMME_LEVELS[n % PROGRAMME_LEVELS.length]!,
					iscedCode: fields[n % fields.length]!,
					languages: languages[n % languages.length]!,
					durationMonths: [5, 12, 24, 36, 48][n % 5]!,
					tuitionAmount: tuition,
					tuitionCurrency: currency,
					tuitionEur: Math.round(tuition * rate),
					startTerms: n % 3 === 0 ? ['autumn', 'spring'] : ['autumn'],
					applicationOpens: opens.toISOString().slice(0, 10),
					applicationDeadline: closes.toISOString().slice(0, 10)
				};
			});
		});
		await seedDemoProgrammeRows(platform, programmes);
		created += rows.length;
	}
	return created;
}
