/**
 * A case's statuses and which of them are open (still answered), for the server and the pages
 * alike: the rule lives here once.
 */
export const CASE_STATUSES = ['submitted', 'in_progress', 'waiting', 'done', 'declined'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'in_progress', 'waiting'];
export const CLOSED_STATUSES: readonly CaseStatus[] = ['done', 'declined'];

/** Whether staff and the applicant can still write on the case. */
export const isOpenCase = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/** The statuses staff can set on many cases at once from the queue (not back to "submitted"). */
export const BULK_STATUSES = ['in_progress', 'waiting', 'done', 'declined'] as const satisfies readonly CaseStatus[];
