import type { LocalizedText } from '$lib/i18n/localized-text';

/** Public holidays and make-up working days: the calendars working-day deadlines are counted on. */
const VERIFIED_ON = '2026-11-28';

export interface CalendarDaySeed {
	countryCode: string;
	date: string;
	kind: 'holiday' | 'working_day';
	name: LocalizedText;
	sourceUrl: string;
	verifiedOn: string;
	unverified?: boolean;
}

const kz = (date: string, name: LocalizedText): CalendarDaySeed => ({
	countryCode: 'KZ',
	date,
	kind: 'holiday',
	name,
	sourceUrl: 'https://adilet.zan.kz/eng/docs/Z010000267_',
	verifiedOn: VERIFIED_ON
});
const cn = (date: string, name: LocalizedText, kind: 'holiday' | 'working_day' = 'holiday'): CalendarDaySeed => ({
	countryCode: 'CN',
	date,
	kind,
	name,
	sourceUrl: 'https://www.gov.cn/zhengce/',
	verifiedOn: VERIFIED_ON,
	unverified: true
});

const MAKE_UP: LocalizedText = { en: 'Working day (make-up)', ru: 'Рабочий день (перенос)', kk: 'Жұмыс күні (ауыстыру)', zh: '调休上班' };
const SPRING_FESTIVAL: LocalizedText = { en: 'Spring Festival', ru: 'Праздник весны', kk: 'Көктем мерекесі', zh: '春节' };
const NEW_YEAR_CN: LocalizedText = { en: 'New Year’s Day', ru: 'Новый год', kk: 'Жаңа жыл', zh: '元旦' };
const QINGMING: LocalizedText = { en: 'Qingming Festival', ru: 'Праздник Цинмин', kk: 'Цинмин мерекесі', zh: '清明节' };
const LABOUR_DAY: LocalizedText = { en: 'Labour Day', ru: 'День труда', kk: 'Еңбек күні', zh: '劳动节' };
const DRAGON_BOAT: LocalizedText = { en: 'Dragon Boat Festival', ru: 'Праздник драконьих лодок', kk: 'Айдаһар қайықтары мерекесі', zh: '端午节' };
const MID_AUTUMN: LocalizedText = { en: 'Mid-Autumn Festival', ru: 'Праздник середины осени', kk: 'Күз ортасы мерекесі', zh: '中秋节' };

/** A date of China's 2027 schedule, derived (not yet checked against the State Council's notice). */
const cn2027 = (date: string, name: LocalizedText, kind: 'holiday' | 'working_day' = 'holiday'): CalendarDaySeed => ({
	...cn(date, name, kind),
	verifiedOn: '2026-12-02'
});

/**
 * China 2027 beyond New Year's Day and National Day: derived from the lunar dates and the pattern
 * of the State Council's recent notices (2025, 2026: statutory days that fall on a weekend are
 * made up on the next weekdays, Spring Festival runs from the eve to the 7th day, Labour Day
 * 1–5 May, National Day 1–7 October, a single midweek festival day is not bridged, and no more
 * than six working days in a row). Unverified until the notice (published each November) is
 * checked; 2021 had the same weekdays and the same National Day and New Year schedule.
 *
 * - New Year: Friday 1 – Sunday 3 January.
 * - Spring Festival: eve Friday 5 February (New Year's Day Saturday 6 February) to the 7th day,
 *   Friday 12 February; Sunday 31 January and Saturday 20 February are working days.
 * - Qingming: Saturday 3 – Monday 5 April.
 * - Labour Day: Saturday 1 – Wednesday 5 May; Saturday 8 May is a working day.
 * - Dragon Boat: Wednesday 9 June. Mid-Autumn: Wednesday 15 September.
 * - National Day: Friday 1 – Thursday 7 October; Sunday 26 September and Saturday 9 October are working days.
 */
const CHINA_2027: CalendarDaySeed[] = [
	cn2027('2027-01-02', NEW_YEAR_CN),
	cn2027('2027-01-03', NEW_YEAR_CN),
	...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => cn2027(`2027-02-${d}`, SPRING_FESTIVAL)),
	cn2027('2027-01-31', MAKE_UP, 'working_day'),
	cn2027('2027-02-20', MAKE_UP, 'working_day'),
	...['03', '04', '05'].map((d) => cn2027(`2027-04-${d}`, QINGMING)),
	...['01', '02', '03', '04', '05'].map((d) => cn2027(`2027-05-${d}`, LABOUR_DAY)),
	cn2027('2027-05-08', MAKE_UP, 'working_day'),
	cn2027('2027-06-09', DRAGON_BOAT),
	cn2027('2027-09-15', MID_AUTUMN),
	cn2027('2027-09-26', MAKE_UP, 'working_day'),
	cn2027('2027-10-09', MAKE_UP, 'working_day')
];

/**
 * Public holidays (and China's make-up working days) for 2026–2027. Kazakhstan's fixed dates
 * come from its law on holidays; Kurban Ait follows the lunar calendar. China publishes its
 * schedule each November: these dates are marked unverified until checked against it.
 */
export const CALENDAR_DAYS: CalendarDaySeed[] = [
	...['2026', '2027'].flatMap((y) => [
		kz(`${y}-01-01`, { en: 'New Year', ru: 'Новый год', kk: 'Жаңа жыл', zh: '新年' }),
		kz(`${y}-01-02`, { en: 'New Year', ru: 'Новый год', kk: 'Жаңа жыл', zh: '新年' }),
		kz(`${y}-01-07`, { en: 'Orthodox Christmas', ru: 'Православное Рождество', kk: 'Православиелік Рождество', zh: '东正教圣诞节' }),
		kz(`${y}-03-08`, {
			en: 'International Women’s Day',
			ru: 'Международный женский день',
			kk: 'Халықаралық әйелдер күні',
			zh: '国际妇女节'
		}),
		kz(`${y}-03-21`, { en: 'Nauryz', ru: 'Наурыз', kk: 'Наурыз мейрамы', zh: '纳吾热孜节' }),
		kz(`${y}-03-22`, { en: 'Nauryz', ru: 'Наурыз', kk: 'Наурыз мейрамы', zh: '纳吾热孜节' }),
		kz(`${y}-03-23`, { en: 'Nauryz', ru: 'Наурыз', kk: 'Наурыз мейрамы', zh: '纳吾热孜节' }),
		kz(`${y}-05-01`, {
			en: 'Unity Day of the People of Kazakhstan',
			ru: 'Праздник единства народа Казахстана',
			kk: 'Қазақстан халқының бірлігі мерекесі',
			zh: '哈萨克斯坦人民团结日'
		}),
		kz(`${y}-05-07`, {
			en: 'Defender of the Fatherland Day',
			ru: 'День защитника Отечества',
			kk: 'Отан қорғаушы күні',
			zh: '祖国保卫者日'
		}),
		kz(`${y}-05-09`, { en: 'Victory Day', ru: 'День Победы', kk: 'Жеңіс күні', zh: '胜利日' }),
		kz(`${y}-07-06`, { en: 'Capital Day', ru: 'День Столицы', kk: 'Астана күні', zh: '首都日' }),
		kz(`${y}-08-30`, { en: 'Constitution Day', ru: 'День Конституции', kk: 'Конституция күні', zh: '宪法日' }),
		kz(`${y}-10-25`, { en: 'Republic Day', ru: 'День Республики', kk: 'Республика күні', zh: '共和国日' }),
		kz(`${y}-12-16`, { en: 'Independence Day', ru: 'День Независимости', kk: 'Тәуелсіздік күні', zh: '独立日' })
	]),
	{ ...kz('2026-05-27', { en: 'Kurban Ait', ru: 'Курбан айт', kk: 'Құрбан айт', zh: '古尔邦节' }), unverified: true },
	{ ...kz('2027-05-16', { en: 'Kurban Ait', ru: 'Курбан айт', kk: 'Құрбан айт', zh: '古尔邦节' }), unverified: true },
	cn('2026-01-01', { en: 'New Year’s Day', ru: 'Новый год', kk: 'Жаңа жыл', zh: '元旦' }),
	cn('2026-01-02', { en: 'New Year’s Day', ru: 'Новый год', kk: 'Жаңа жыл', zh: '元旦' }),
	cn('2026-01-03', { en: 'New Year’s Day', ru: 'Новый год', kk: 'Жаңа жыл', zh: '元旦' }),
	cn(
		'2026-01-04',
		{ en: 'Working day (make-up)', ru: 'Рабочий день (перенос)', kk: 'Жұмыс күні (ауыстыру)', zh: '调休上班' },
		'working_day'
	),
	...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) =>
		cn(`2026-02-${d}`, { en: 'Spring Festival', ru: 'Праздник весны', kk: 'Көктем мерекесі', zh: '春节' })
	),
	cn(
		'2026-02-14',
		{ en: 'Working day (make-up)', ru: 'Рабочий день (перенос)', kk: 'Жұмыс күні (ауыстыру)', zh: '调休上班' },
		'working_day'
	),
	cn(
		'2026-02-28',
		{ en: 'Working day (make-up)', ru: 'Рабочий день (перенос)', kk: 'Жұмыс күні (ауыстыру)', zh: '调休上班' },
		'working_day'
	),
	cn('2026-04-04', { en: 'Qingming Festival', ru: 'Праздник Цинмин', kk: 'Цинмин мерекесі', zh: '清明节' }),
	cn('2026-04-05', { en: 'Qingming Festival', ru: 'Праздник Цинмин', kk: 'Цинмин мерекесі', zh: '清明节' }),
	cn('2026-04-06', { en: 'Qingming Festival', ru: 'Праздник Цинмин', kk: 'Цинмин мерекесі', zh: '清明节' }),
	...['01', '02', '03', '04', '05'].map((d) =>
		cn(`2026-05-${d}`, { en: 'Labour Day', ru: 'День труда', kk: 'Еңбек күні', zh: '劳动节' })
	),
	cn(
		'2026-05-09',
		{ en: 'Working day (make-up)', ru: 'Рабочий день (перенос)', kk: 'Жұмыс күні (ауыстыру)', zh: '调休上班' },
		'working_day'
	),
	cn('2026-06-19', {
		en: 'Dragon Boat Festival',
		ru: 'Праздник драконьих лодок',
		kk: 'Айдаһар қайықтары мерекесі',
		zh: '端午节'
	}),
	cn('2026-06-20', {
		en: 'Dragon Boat Festival',
		ru: 'Праздник драконьих лодок',
		kk: 'Айдаһар қайықтары мерекесі',
		zh: '端午节'
	}),
	cn('2026-06-21', {
		en: 'Dragon Boat Festival',
		ru: 'Праздник драконьих лодок',
		kk: 'Айдаһар қайықтары мерекесі',
		zh: '端午节'
	}),
	cn('2026-09-25', {
		en: 'Mid-Autumn Festival',
		ru: 'Праздник середины осени',
		kk: 'Күз ортасы мерекесі',
		zh: '中秋节'
	}),
	cn('2026-09-26', {
		en: 'Mid-Autumn Festival',
		ru: 'Праздник середины осени',
		kk: 'Күз ортасы мерекесі',
		zh: '中秋节'
	}),
	cn('2026-09-27', {
		en: 'Mid-Autumn Festival',
		ru: 'Праздник середины осени',
		kk: 'Күз ортасы мерекесі',
		zh: '中秋节'
	}),
	...['01', '02', '03', '04', '05', '06', '07'].map((d) =>
		cn(`2026-10-${d}`, { en: 'National Day', ru: 'День образования КНР', kk: 'ҚХР құрылған күн', zh: '国庆节' })
	),
	cn(
		'2026-09-20',
		{ en: 'Working day (make-up)', ru: 'Рабочий день (перенос)', kk: 'Жұмыс күні (ауыстыру)', zh: '调休上班' },
		'working_day'
	),
	cn(
		'2026-10-10',
		{ en: 'Working day (make-up)', ru: 'Рабочий день (перенос)', kk: 'Жұмыс күні (ауыстыру)', zh: '调休上班' },
		'working_day'
	),
	cn('2027-01-01', { en: 'New Year’s Day', ru: 'Новый год', kk: 'Жаңа жыл', zh: '元旦' }),
	...['01', '02', '03', '04', '05', '06', '07'].map((d) =>
		cn(`2027-10-${d}`, { en: 'National Day', ru: 'День образования КНР', kk: 'ҚХР құрылған күн', zh: '国庆节' })
	),
	...CHINA_2027
];
