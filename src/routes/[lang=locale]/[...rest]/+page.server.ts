import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n/messages';
import type { PageServerLoad } from './$types';

// Unknown paths inside a locale get the localised 404 page inside the site's shell.
export const load: PageServerLoad = ({ locals }) => error(404, t('error_not_found', locals.locale));
