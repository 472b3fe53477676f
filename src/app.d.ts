import type { Locale } from '$lib/i18n/locales';
import type { SessionUser } from '$lib/server/auth/accounts.service';
import type { ServiceContext } from '$lib/server/platform/context';

declare global {
	namespace App {
		interface Locals {
			requestId: string;
			locale: Locale;
			user: SessionUser | null;
			/** Everything a service call needs: platform, actor, request id, locale. */
			ctx: ServiceContext;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
		interface PageData {
			locale?: Locale;
		}
	}
}

export {};
