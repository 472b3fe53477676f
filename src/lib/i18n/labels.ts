import { m } from '$lib/paraglide/messages';

/** Translated names of roles and kinds: one place, so every page says the same. */
export function roleLabel(role: string | null | undefined): string {
	switch (role) {
		case 'institution_admin':
			return m.role_institution_admin();
		case 'staff':
			return m.role_staff();
		case 'editor':
			return m.role_editor();
		case 'translator':
			return m.role_translator();
		case 'platform_admin':
			return m.role_platform_admin();
		case 'consortium_member':
			return m.role_consortium_member();
		case 'country_editor':
			return m.role_country_editor();
		default:
			return role ?? '';
	}
}

/** A mail's delivery status (Administration → Outbox). */
export function mailStatusLabel(status: string): string {
	return ({ outbox: m.outbox_status_outbox(), queued: m.outbox_status_queued(), sent: m.outbox_status_sent(), failed: m.outbox_status_failed() })[status] ?? status;
}

/** A library document's kind (leaflet, poster, …). */
export function documentKindLabel(kind: string): string {
	return ({ leaflet: m.doc_leaflet(), poster: m.doc_poster(), report: m.doc_report(), guide: m.doc_guide(), presentation: m.doc_presentation() })[kind] ?? kind;
}
