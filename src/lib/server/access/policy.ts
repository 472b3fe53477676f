import { AppError } from '../platform/errors';

/**
 * The one place that decides permissions. Services call `authorize`; routes send
 * `abilities(...)` to the UI, which never re-derives a rule.
 */
export const INSTITUTION_ROLES = ['institution_admin', 'staff', 'editor', 'translator'] as const;
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

/** country_editor: keeps the country guides, visa routes, arrival rules and holidays of every country. */
export const PLATFORM_ROLES = ['platform_admin', 'consortium_member', 'country_editor'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export function isInstitutionRole(value: unknown): value is InstitutionRole {
	return typeof value === 'string' && (INSTITUTION_ROLES as readonly string[]).includes(value);
}
export function isPlatformRole(value: unknown): value is PlatformRole {
	return typeof value === 'string' && (PLATFORM_ROLES as readonly string[]).includes(value);
}

/** Actions on one institution's records: each lists the member roles that may do it. */
export const INSTITUTION_ACTIONS = {
	'institution.open_workspace': ['institution_admin', 'staff', 'editor', 'translator'],
	'institution.update_profile': ['institution_admin', 'editor'],
	'member.list': ['institution_admin', 'staff'],
	'member.invite': ['institution_admin'],
	'member.change_role': ['institution_admin'],
	'member.remove': ['institution_admin'],
	'audit.view': ['institution_admin'],
	'content.edit': ['institution_admin', 'editor'],
	'content.translate': ['institution_admin', 'editor', 'translator'],
	'content.publish': ['institution_admin', 'editor'],
	'welcome.configure': ['institution_admin'],
	'case.view': ['institution_admin', 'staff'],
	'case.handle': ['institution_admin', 'staff'],
	/** The queue as a spreadsheet: applicants' personal data leaves the platform (audited). */
	'case.export': ['institution_admin', 'staff'],
	'mobility.manage': ['institution_admin', 'staff'],
	'benchmark.edit': ['institution_admin'],
	/** The institution's EWP host: on/off, its keys, checks against partners. */
	'ewp.manage': ['institution_admin']
} as const satisfies Record<string, readonly InstitutionRole[]>;
export type InstitutionAction = keyof typeof INSTITUTION_ACTIONS;

/** Platform-wide actions: each lists the platform roles that may do it. */
export const PLATFORM_ACTIONS = {
	'platform.manage_institutions': ['platform_admin'],
	'platform.manage_users': ['platform_admin'],
	'platform.read_outbox': ['platform_admin'],
	'platform.view_audit': ['platform_admin'],
	'platform.run_jobs': ['platform_admin'],
	'guides.edit': ['platform_admin', 'country_editor'],
	'consortium.view': ['platform_admin', 'consortium_member']
} as const satisfies Record<string, readonly PlatformRole[]>;
export type PlatformAction = keyof typeof PLATFORM_ACTIONS;

export interface Actor {
	userId: string;
	email: string;
	platformRole: PlatformRole | null;
	/** institutionId → role */
	memberships: ReadonlyMap<string, InstitutionRole>;
}

export type Decision = 'allow' | 'forbidden' | 'not_found';

/**
 * Someone with no role in the institution must not learn that the record exists: not_found.
 * A member whose role lacks the action: forbidden.
 */
export function decideInstitution(actor: Actor | null, action: InstitutionAction, institutionId: string): Decision {
	if (!actor) return 'not_found';
	if (actor.platformRole === 'platform_admin') return 'allow';
	const role = actor.memberships.get(institutionId);
	if (!role) return 'not_found';
	return (INSTITUTION_ACTIONS[action] as readonly InstitutionRole[]).includes(role) ? 'allow' : 'forbidden';
}

export function decidePlatform(actor: Actor | null, action: PlatformAction): Decision {
	if (!actor?.platformRole) return 'not_found';
	return (PLATFORM_ACTIONS[action] as readonly PlatformRole[]).includes(actor.platformRole) ? 'allow' : 'not_found';
}

export function canInstitution(actor: Actor | null, action: InstitutionAction, institutionId: string) {
	return decideInstitution(actor, action, institutionId) === 'allow';
}
export function canPlatform(actor: Actor | null, action: PlatformAction) {
	return decidePlatform(actor, action) === 'allow';
}

function enforce(decision: Decision) {
	if (decision === 'not_found') throw new AppError('not_found', 'error_not_found');
	if (decision === 'forbidden') throw new AppError('forbidden', 'error_forbidden');
}

export function authorizeInstitution(actor: Actor | null, action: InstitutionAction, institutionId: string) {
	enforce(decideInstitution(actor, action, institutionId));
	return actor as Actor;
}
export function authorizePlatform(actor: Actor | null, action: PlatformAction) {
	enforce(decidePlatform(actor, action));
	return actor as Actor;
}

/** The true/false flags a page needs, for one institution. */
export function institutionAbilities(actor: Actor | null, institutionId: string) {
	return Object.fromEntries(
		(Object.keys(INSTITUTION_ACTIONS) as InstitutionAction[]).map((a) => [a, canInstitution(actor, a, institutionId)])
	) as Record<InstitutionAction, boolean>;
}

export function platformAbilities(actor: Actor | null) {
	return Object.fromEntries(
		(Object.keys(PLATFORM_ACTIONS) as PlatformAction[]).map((a) => [a, canPlatform(actor, a)])
	) as Record<PlatformAction, boolean>;
}
