import { authorizeInstitution } from '../access/policy';
import type { ServiceContext } from '../platform/context';
import { contentTypes, institutionSections } from './content-types';

/**
 * Everything the portal holds about one institution, in every language, as one JSON document:
 * the institution can keep it, move it or check it. Each registered part contributes its own
 * section: edited content (news, events, questions, documents, scholarships) carries both what
 * the public sees and the newest draft; media lists the files with their public addresses.
 */
export async function exportInstitutionContent(ctx: ServiceContext, institutionId: string) {
	authorizeInstitution(ctx.actor, 'content.edit', institutionId);
	const parts = [
		...institutionSections().map((section) => [section.key, () => section.export(ctx, institutionId)] as const),
		...contentTypes().map((type) => [type.kind, () => (type.exportRows ?? type.service.exportRows)(ctx, institutionId)] as const)
	];
	const values = await Promise.all(parts.map(([, read]) => read()));
	return {
		format: 'welcome-institution-export/1',
		exportedAt: new Date().toISOString(),
		...Object.fromEntries(parts.map(([key], i) => [key, values[i]]))
	};
}
