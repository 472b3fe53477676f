import type { Locale } from '$lib/i18n/locales';
import type { SessionUser } from '$lib/server/auth/accounts.service';
import type { ServiceContext } from '$lib/server/platform/context';
import type { AppError } from '$lib/server/platform/errors';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			locale: Locale;
			user: SessionUser | null;
			/** Everything a service call needs: platform, actor, request id, locale. */
			ctx: ServiceContext;
			/** An AppError that reached `handleError` (a load without `loadOrError`). */
			escapedError?: AppError;
		}
		interface Error {
			message: string;
			requestId?: string;
			/** The status an escaped AppError means, when SvelteKit's own is 500. */
			status?: number;
		}
		interface PageData {
			locale?: Locale;
		}
	}
}

export {};
