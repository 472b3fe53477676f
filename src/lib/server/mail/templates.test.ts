import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import { renderMail } from './templates';

describe('mail templates', () => {
	it.each(LOCALES)('renders the verification mail in %s with the link in text and HTML', (locale) => {
		const mail = renderMail('verify_email', locale, { url: 'https://welcome.example/x?token=a&b=1', name: 'Ali' });
		expect(mail.subject).toContain('WELCOME');
		expect(mail.text).toContain('https://welcome.example/x?token=a&b=1');
		expect(mail.html).toContain('https://welcome.example/x?token=a&amp;b=1');
		expect(mail.html).toContain(`lang="${locale}"`);
	});

	it('differs between languages', () => {
		const subjects = new Set(LOCALES.map((l) => renderMail('reset_password', l, { url: 'u', name: 'n' }).subject));
		expect(subjects.size).toBe(LOCALES.length);
	});

	it('escapes what people typed, so a name cannot inject HTML', () => {
		const mail = renderMail('case_reply', 'en', { url: 'https://x', name: '<script>alert(1)</script>', number: '7', service: 'Pickup' });
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('&lt;script&gt;');
	});
});
