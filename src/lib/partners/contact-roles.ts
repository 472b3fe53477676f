/** What a partner's contact does for the partnership: signs, coordinates, handles incoming or outgoing people. */
export const PARTNER_CONTACT_ROLES = ['signatory', 'coordinator', 'academic_coordinator', 'incoming', 'outgoing', 'staff_mobility'] as const;
export type PartnerContactRole = (typeof PARTNER_CONTACT_ROLES)[number];
export const isPartnerContactRole = (value: string): value is PartnerContactRole => (PARTNER_CONTACT_ROLES as readonly string[]).includes(value);
