import { MAIL_JOB } from '../mail/mail-job';
import { RETENTION_JOB } from '../welcome/privacy.service';
import { REMINDER_JOB } from '../welcome/reminders';
import type { Job } from './jobs';

/** Every background job the server runs. */
export const BACKGROUND_JOBS: Job[] = [MAIL_JOB, REMINDER_JOB, RETENTION_JOB];
