import type { LocalizedText } from '$lib/i18n/localized-text';

/**
 * The institution factsheet as its editing form sees it: flat fields (contact points spread
 * out) and the translated texts. Shared by the server (which validates) and the page.
 */
export const FACTSHEET_TEXTS = ['officeAddress', 'centreHours', 'requirementsDetails', 'accommodation', 'accessibility', 'additionalInfo'] as const;
export type FactsheetText = (typeof FACTSHEET_TEXTS)[number];

export const FACTSHEET_DEADLINES = ['nominationDeadlineAutumn', 'nominationDeadlineSpring', 'applicationDeadlineAutumn', 'applicationDeadlineSpring'] as const;

export interface FactsheetData extends Record<FactsheetText, LocalizedText> {
	foundedYear: number | null;
	students: number | null;
	internationalStudents: number | null;
	instructionLanguages: string[];
	officeEmail: string | null;
	officePhone: string | null;
	officeUrl: string | null;
	centreEmail: string | null;
	centrePhone: string | null;
	centreUrl: string | null;
	services: string[];
	nominationDeadlineAutumn: string | null;
	nominationDeadlineSpring: string | null;
	applicationDeadlineAutumn: string | null;
	applicationDeadlineSpring: string | null;
	applicationEmail: string | null;
	applicationPhone: string | null;
	applicationUrl: string | null;
	additionalRequirements: string[];
	decisionWeeksLimit: number | null;
	transcriptWeeksLimit: number | null;
	housingEmail: string | null;
	housingUrl: string | null;
	visaEmail: string | null;
	visaUrl: string | null;
	insuranceEmail: string | null;
	insuranceUrl: string | null;
}
