/**
 * The purpose of a stay (what the visa route depends on), shared by the profile, the planner and
 * the letters. A profile without one takes it from what the person comes as.
 */
export const STAY_PURPOSES = ['study', 'research', 'teaching', 'short_visit'] as const;
export type StayPurpose = (typeof STAY_PURPOSES)[number];

export const isStayPurpose = (value: unknown): value is StayPurpose => typeof value === 'string' && (STAY_PURPOSES as readonly string[]).includes(value);

/** The purpose a person of this kind most likely comes for: student → study, researcher → research, staff → teaching. */
export function purposeForKind(kind: string | null | undefined): StayPurpose {
	return kind === 'researcher' ? 'research' : kind === 'staff' ? 'teaching' : 'study';
}

/** The stay's purpose: the one chosen, or the kind's. */
export const stayPurpose = (profile: { purpose?: string | null; kind?: string | null }): StayPurpose => (isStayPurpose(profile.purpose) ? profile.purpose : purposeForKind(profile.kind));
