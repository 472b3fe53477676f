import type { Locale } from './locales';

/**
 * Names of the cities the cost calculator knows (its reference data keys them by their
 * English name), in each language: a Chinese reader chooses 阿斯塔纳, not "Astana".
 */
const CITY_NAMES: Record<string, Record<Locale, string>> = {
	Astana: { en: 'Astana', ru: 'Астана', kk: 'Астана', zh: '阿斯塔纳' },
	Almaty: { en: 'Almaty', ru: 'Алматы', kk: 'Алматы', zh: '阿拉木图' },
	Karaganda: { en: 'Karaganda', ru: 'Караганда', kk: 'Қарағанды', zh: '卡拉干达' },
	Beijing: { en: 'Beijing', ru: 'Пекин', kk: 'Бейжің', zh: '北京' },
	Shanghai: { en: 'Shanghai', ru: 'Шанхай', kk: 'Шанхай', zh: '上海' },
	Barcelona: { en: 'Barcelona', ru: 'Барселона', kk: 'Барселона', zh: '巴塞罗那' },
	Tarragona: { en: 'Tarragona', ru: 'Таррагона', kk: 'Таррагона', zh: '塔拉戈纳' },
	Stockholm: { en: 'Stockholm', ru: 'Стокгольм', kk: 'Стокгольм', zh: '斯德哥尔摩' },
	Tallinn: { en: 'Tallinn', ru: 'Таллин', kk: 'Таллин', zh: '塔林' },
	Lisbon: { en: 'Lisbon', ru: 'Лиссабон', kk: 'Лиссабон', zh: '里斯本' },
	Perpignan: { en: 'Perpignan', ru: 'Перпиньян', kk: 'Перпиньян', zh: '佩皮尼昂' }
};

/** A cost city's name in the reader's language (its own name when we have no translation). */
export const costCityName = (city: string, locale: Locale) => CITY_NAMES[city]?.[locale] ?? city;
