import { describe, expect, it } from 'vitest';
import {
	decideInstitution,
	decidePlatform,
	INSTITUTION_ACTIONS,
	PLATFORM_ACTIONS,
	type Actor,
	type InstitutionAction,
	type InstitutionRole,
	type PlatformAction,
	type PlatformRole
} from './policy';

const OWN = 'own-institution';
const OTHER = 'other-institution';

/**
 * The permission table, written out by hand so that a change to the policy must change this
 * test too. Columns: institution_admin, staff, editor, translator. ✓ = allowed at their own
 * institution. At another institution every institution role gets not_found.
 */
const EXPECTED: Record<InstitutionAction, [admin: boolean, staff: boolean, editor: boolean, translator: boolean]> = {
	'institution.open_workspace': [true, true, true, true],
	'institution.update_profile': [true, false, true, false],
	'member.list': [true, true, false, false],
	'member.invite': [true, false, false, false],
	'member.change_role': [true, false, false, false],
	'member.remove': [true, false, false, false],
	'audit.view': [true, false, false, false],
	'content.edit': [true, false, true, false],
	'content.translate': [true, false, true, true],
	'content.publish': [true, false, true, false],
	'welcome.configure': [true, false, false, false],
	'case.view': [true, true, false, false],
	'case.handle': [true, true, false, false],
	'case.export': [true, true, false, false],
	'mobility.manage': [true, true, false, false],
	'benchmark.edit': [true, false, false, false],
	'ewp.manage': [true, false, false, false]
};
const ROLE_COLUMNS: InstitutionRole[] = ['institution_admin', 'staff', 'editor', 'translator'];

const EXPECTED_PLATFORM: Record<PlatformAction, [platformAdmin: boolean, consortiumMember: boolean, countryEditor: boolean]> = {
	'platform.manage_institutions': [true, false, false],
	'platform.manage_users': [true, false, false],
	'platform.read_outbox': [true, false, false],
	'platform.view_audit': [true, false, false],
	'platform.run_jobs': [true, false, false],
	'guides.edit': [true, false, true],
	'consortium.view': [true, true, false]
};

function actor(options: { role?: InstitutionRole; platformRole?: PlatformRole } = {}): Actor {
	return {
		userId: 'u1',
		email: 'u1@example.org',
		platformRole: options.platformRole ?? null,
		memberships: new Map(options.role ? [[OWN, options.role]] : [])
	};
}

describe('the permission table', () => {
	it('covers exactly the actions the policy defines', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(INSTITUTION_ACTIONS).sort());
		expect(Object.keys(EXPECTED_PLATFORM).sort()).toEqual(Object.keys(PLATFORM_ACTIONS).sort());
	});

	const institutionCases = (Object.keys(EXPECTED) as InstitutionAction[]).flatMap((action) =>
		ROLE_COLUMNS.map((role, column) => ({ action, role, allowed: EXPECTED[action][column] }))
	);

	it.each(institutionCases)('$role may $action at their own institution: $allowed', ({ action, role, allowed }) => {
		expect(decideInstitution(actor({ role }), action, OWN)).toBe(allowed ? 'allow' : 'forbidden');
	});

	it.each(institutionCases)('$role gets not_found for $action at another institution', ({ action, role }) => {
		expect(decideInstitution(actor({ role }), action, OTHER)).toBe('not_found');
	});

	it.each(Object.keys(EXPECTED) as InstitutionAction[])('a platform admin may %s at any institution', (action) => {
		expect(decideInstitution(actor({ platformRole: 'platform_admin' }), action, OTHER)).toBe('allow');
	});

	it.each(Object.keys(EXPECTED) as InstitutionAction[])(
		'a consortium member, a country editor, an incoming person and an anonymous visitor get not_found for %s',
		(action) => {
			expect(decideInstitution(actor({ platformRole: 'consortium_member' }), action, OWN)).toBe('not_found');
			expect(decideInstitution(actor({ platformRole: 'country_editor' }), action, OWN)).toBe('not_found');
			expect(decideInstitution(actor(), action, OWN)).toBe('not_found');
			expect(decideInstitution(null, action, OWN)).toBe('not_found');
		}
	);

	const platformCases = (Object.keys(EXPECTED_PLATFORM) as PlatformAction[]).flatMap((action) => [
		{ action, platformRole: 'platform_admin' as const, allowed: EXPECTED_PLATFORM[action][0] },
		{ action, platformRole: 'consortium_member' as const, allowed: EXPECTED_PLATFORM[action][1] },
		{ action, platformRole: 'country_editor' as const, allowed: EXPECTED_PLATFORM[action][2] }
	]);

	it.each(platformCases)('$platformRole may $action: $allowed', ({ action, platformRole, allowed }) => {
		expect(decidePlatform(actor({ platformRole }), action)).toBe(allowed ? 'allow' : 'not_found');
	});

	it.each(Object.keys(EXPECTED_PLATFORM) as PlatformAction[])('no institution role grants %s', (action) => {
		for (const role of ROLE_COLUMNS) expect(decidePlatform(actor({ role }), action)).toBe('not_found');
		expect(decidePlatform(null, action)).toBe('not_found');
	});
});
