import { t, type MessageKey } from '$lib/i18n/messages';
import type { Locale } from '$lib/i18n/locales';
import { escapeHtml } from '$lib/escape-html';

/** Each template: a subject, paragraphs and an optional call to action, all UI messages. */
const TEMPLATES = {
	verify_email: { subject: 'mail_verify_subject', body: ['mail_verify_body'], action: 'mail_verify_action' },
	reset_password: { subject: 'mail_reset_subject', body: ['mail_reset_body'], action: 'mail_reset_action' },
	invitation: { subject: 'mail_invite_subject', body: ['mail_invite_body'], action: 'mail_invite_action' },
	case_submitted: { subject: 'mail_case_submitted_subject', body: ['mail_case_submitted_body'], action: 'mail_case_action' },
	case_message: { subject: 'mail_case_message_subject', body: ['mail_case_message_body'], action: 'mail_case_action' },
	case_status: { subject: 'mail_case_status_subject', body: ['mail_case_status_body'], action: 'mail_case_action' },
	case_reply: { subject: 'mail_case_reply_subject', body: ['mail_case_reply_body'], action: 'mail_case_staff_action' },
	case_letter: { subject: 'mail_case_letter_subject', body: ['mail_case_letter_body'], action: 'mail_case_action' },
	case_letter_reference: { subject: 'mail_letter_reference_subject', body: ['mail_letter_reference_body'], action: 'mail_case_action' },
	case_document_rejected: { subject: 'mail_case_document_rejected_subject', body: ['mail_case_document_rejected_body', 'mail_case_document_rejected_reason', 'mail_case_document_rejected_next'], action: 'mail_case_action' },
	buddy_for_incoming: { subject: 'mail_buddy_incoming_subject', body: ['mail_buddy_incoming_body'], action: 'mail_buddy_incoming_action' },
	buddy_for_volunteer: { subject: 'mail_buddy_volunteer_subject', body: ['mail_buddy_volunteer_body'], action: 'mail_buddy_volunteer_action' },
	// The driver has no account: no link to follow, and a footer that says why they got the mail.
	pickup_driver: { subject: 'mail_pickup_driver_subject', body: ['mail_pickup_driver_body'], footer: 'mail_pickup_driver_footer' },
	step_reminder: { subject: 'mail_reminder_subject', body: ['mail_reminder_body'], action: 'mail_reminder_action' }
} as const satisfies Record<string, MailSpec>;

/** A call to action needs `params.url`; the footer defaults to the account holder's one. */
interface MailSpec {
	subject: MessageKey;
	body: readonly MessageKey[];
	action?: MessageKey;
	footer?: MessageKey;
}

export type MailTemplate = keyof typeof TEMPLATES;

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

export function renderMail(
	template: MailTemplate,
	locale: Locale,
	params: Record<string, string> & { url?: string }
): RenderedMail {
	const spec: MailSpec = TEMPLATES[template];
	const subject = t(spec.subject, locale, params);
	const paragraphs = spec.body.map((key) => t(key, locale, params));
	const action = spec.action ? { label: t(spec.action, locale, params), url: params.url ?? '' } : null;
	if (action && !action.url) throw new Error(`mail template ${template} needs a url`);
	const footer = t(spec.footer ?? 'mail_footer', locale, params);
	const text = [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), '', footer].join('\n\n');
	const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${action ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#0b4f8a;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(action.url)}</p>` : ''}
<hr><p style="font-size:12px;color:#555">${escapeHtml(footer)}</p>
</body></html>`;
	return { subject, text, html };
}
