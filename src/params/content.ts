import type { ParamMatcher } from '@sveltejs/kit';
import { isContentKind } from '$lib/content-kinds';

export const match: ParamMatcher = (param) => isContentKind(param);
