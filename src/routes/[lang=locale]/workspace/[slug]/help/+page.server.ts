import { editorGuideHtml } from '$lib/server/content/editor-guide';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ guide: editorGuideHtml(locals.locale) });
