import type { ServiceContext } from '../platform/context';

/**
 * Personal data other modules keep about a case (letters issued on it, …). They register here
 * at boot (boot/registry.ts), so a person's copy of their data and its erasure
 * (privacy.service.ts) cover it without the welcome module reading their tables.
 */
export interface CaseDataHolder {
	/** Its key in each request of the person's copy. */
	name: string;
	/** What it holds for these cases, by case id. */
	exportFor(ctx: ServiceContext, caseIds: string[]): Promise<Map<string, unknown[]>>;
	/** Erases what identifies the person, in the erasure's transaction. */
	erase(tx: ServiceContext, caseIds: string[]): Promise<void>;
}

const holders = new Map<string, CaseDataHolder>();

export function registerCaseDataHolder(holder: CaseDataHolder) {
	holders.set(holder.name, holder);
}

export const caseDataHolders = () => [...holders.values()];
