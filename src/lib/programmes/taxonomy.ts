/** The programme taxonomy, shared by the server and the pages. */
export const PROGRAMME_LEVELS = ['bachelor', 'master', 'doctoral', 'exchange', 'short_course'] as const;
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];

/** ISCED-F 2013 broad fields of education and training. */
export const ISCED_BROAD_FIELDS = ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] as const;

export const START_TERMS = ['autumn', 'spring'] as const;
