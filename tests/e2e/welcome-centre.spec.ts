import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { horizontalOverflow, signIn, signOut } from './helpers';

/**
 * The welcome centre's promise: a new incoming student registers, picks Tongji, sees a dated
 * arrival timeline, requests an invitation letter (with a passport scan) and an airport
 * pickup; Tongji's staff — and no one else's — handle both cases to the end.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function register(page: Page, email: string, password: string) {
	await page.goto('/en/sign-up');
	await page.getByLabel('Full name').fill('Priya Testova');
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('input[name="passwordConfirm"]').fill(password);
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.getByRole('status')).toContainText(email);
	await signIn(page, 'admin@demo.welcome.test');
	await page.goto('/en/admin/outbox');
	await page.getByRole('row', { name: new RegExp(email) }).getByRole('link').click();
	const link = await page.locator('ul a[href*="verify-email"]').getAttribute('href');
	await signOut(page);
	await page.goto(link!);
	await signIn(page, email, password);
}

test('a new student asks Tongji for an invitation letter and a pickup; Tongji staff handle both, other staff get 404', async ({ page }) => {
	test.setTimeout(120_000);
	const email = `incoming-${Date.now()}@example.org`;
	const password = 'a long walk on the bund';
	await register(page, email, password);

	// The profile: a past arrival date is refused next to its field, and nothing typed is lost.
	await page.goto('/en/my');
	await page.getByRole('link', { name: 'Fill in your profile' }).click();
	await page.getByLabel('Nationality').first().selectOption('IN');
	await page.getByLabel('Passport number').fill('Z1234567');
	await page.getByLabel('Date of birth').first().fill('2004-02-29');
	// What the invitation letter needs besides: the name and facts as the passport prints them.
	await page.getByLabel('Name as in the passport (Latin letters)').fill('Testova Priya');
	await page.getByLabel('Sex (as in the passport)').selectOption('F');
	await page.getByLabel('Place of birth').fill('MUMBAI');
	await page.getByLabel('Home address').fill('12 Marine Drive\nMumbai 400020\nIndia');
	await page.getByLabel('Passport issued on').fill(day(-700));
	await page.getByLabel('Passport valid until').fill(day(1500));
	await page.getByLabel('First day of the programme or stay').fill(day(45));
	await page.getByLabel('Destination institution').selectOption('tongji');
	await page.getByLabel('Last day of the stay').fill(day(300));
	await page.getByLabel('Where will you live?').selectOption('off_campus');
	await page.getByLabel('Arrival date').fill(day(-3));
	await page.getByLabel('Arrival time').fill('21:30');
	await page.getByLabel('Flight number').fill('MU 552');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#f-arrivalDate-error')).toContainText('in the past');
	await expect(page.getByLabel('Passport number')).toHaveValue('Z1234567');
	await page.getByLabel('Arrival date').fill(day(40));
	await page.getByRole('button', { name: 'Save' }).click();

	// The dated timeline: the police registration within 24 hours of arrival, and the visa
	// application, which the student has started and ticks off.
	await expect(page).toHaveURL(/\/en\/my\?saved=1$/);
	await expect(page.locator('ol.timeline > li').filter({ hasText: 'Register your address with the local police' })).toContainText('Coming up');
	await page.locator('ol.timeline > li').filter({ hasText: 'Start the visa application' }).getByRole('button', { name: 'Mark as done' }).click();
	await expect(page.locator('ol.timeline > li').filter({ hasText: 'Start the visa application' })).toContainText('Done');

	// The invitation letter, with a passport scan: a file that is not a document is refused.
	await page.getByRole('link', { name: 'Request: Invitation letter' }).click();
	await expect(page.getByLabel(/Planned date of entry/)).toHaveValue(day(40));
	await page.getByLabel(/consulate where/).fill('Consulate General of China in Mumbai');
	await page.getByLabel(/Passport \(photo page\)/).setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
	await page.getByRole('button', { name: 'Send the request' }).click();
	await expect(page.locator('#f-doc-passport-error')).toContainText('PDF, JPEG');
	await expect(page.getByLabel(/consulate where/)).toHaveValue('Consulate General of China in Mumbai');
	await page.getByLabel(/Passport \(photo page\)/).setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: 'Send the request' }).click();
	await expect(page.getByRole('status')).toContainText('is sent');
	const letterUrl = new URL(page.url()).pathname;
	const letterId = letterUrl.split('/').at(-1)!;

	// The pickup starts from the flight in the profile.
	await page.goto('/en/my');
	await page.getByRole('link', { name: 'Request: Airport pickup' }).click();
	await expect(page.getByLabel(/Flight number/)).toHaveValue('MU552');
	await expect(page.getByLabel(/Number of people/)).toHaveValue('1');
	await page.getByRole('button', { name: 'Send the request' }).click();
	await expect(page.getByRole('status')).toContainText('is sent');
	const pickupId = new URL(page.url()).pathname.split('/').at(-1)!;
	await page.goto('/en/my');
	await expect(page.locator('#requests ~ .table-wrap tbody tr')).toHaveCount(2);

	// Another institution's staff: 404 on the case and on its passport scan.
	await signOut(page);
	await signIn(page, 'enu.staff@demo.welcome.test');
	expect((await page.goto(`/en/workspace/tongji/cases/${letterId}`))?.status()).toBe(404);
	expect((await page.goto(`/en/workspace/enu/cases/${letterId}`))?.status()).toBe(404);

	// Tongji's staff: the queue, a message to the student, the passport scan, waiting.
	await signOut(page);
	await signIn(page, 'tongji.staff@demo.welcome.test');
	await page.goto('/en/workspace/tongji/cases');
	await expect(page.getByRole('row', { name: /Invitation letter.*Priya Testova/ })).toBeVisible();
	// Staff find the applicant's cases by their passport number.
	await page.getByLabel('Find').fill('z1234567');
	await page.getByRole('button', { name: 'Show', exact: true }).click();
	await expect(page.getByRole('row', { name: /Priya Testova/ })).toHaveCount(2);
	await page.getByRole('row', { name: /Invitation letter.*Priya Testova/ }).getByRole('link').click();
	await expect(page.getByText('Z1234567')).toBeVisible();
	// Staff read the applicant's data under their own labels, one person in the singular, and
	// the answers' dates in their format rather than as stored.
	const applicantFacts = page.locator('section[aria-labelledby="applicant"] dl.facts');
	await expect(applicantFacts.locator('dt', { hasText: 'Coming as' }).locator('xpath=following-sibling::dd[1]')).toHaveText('Student');
	await expect(applicantFacts).not.toContainText(/You come as|Your stay|Where will you live|Students/);
	const entryDate = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day(40)}T00:00:00Z`));
	const staffAnswers = page.locator('section[aria-labelledby="answers"] dl.facts');
	await expect(staffAnswers).toContainText(entryDate);
	await expect(staffAnswers).not.toContainText(day(40));
	const scan = await page.request.get((await page.getByRole('link', { name: 'passport.pdf' }).first().getAttribute('href'))!);
	expect(scan.status()).toBe(200);
	expect((await scan.body()).subarray(0, 4).toString()).toBe('%PDF');
	await page.getByLabel('Message', { exact: true }).fill('Please confirm the consulate city.');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('status')).toContainText('Your message is sent');
	await page.getByLabel('New status').selectOption('waiting');
	await page.getByRole('button', { name: 'Change the status' }).click();
	await expect(page.locator('dl.facts').first()).toContainText('Waiting for the applicant');

	// The student reads it in their space and replies; the case goes back to staff.
	await signOut(page);
	await signIn(page, email, password);
	await page.goto(letterUrl);
	await expect(page.getByText('Please confirm the consulate city.')).toBeVisible();
	await expect(page.locator('dl.facts').first()).toContainText('Waiting for your reply');
	await expect(page.locator('dl.facts').nth(1)).toContainText(entryDate);
	await expect(page.locator('dl.facts').nth(1)).not.toContainText(day(40));
	await page.getByLabel('Message', { exact: true }).fill('Mumbai, confirmed.');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.locator('dl.facts').first()).toContainText('In progress');

	// The pickup: a slot made from the flight's arrival, with a driver; the request placed in it.
	await signOut(page);
	await signIn(page, 'tongji.staff@demo.welcome.test');
	await page.goto('/en/workspace/tongji/pickups');
	const request = page.locator('#requests ~ ul > li').filter({ hasText: 'Priya Testova' });
	await expect(request).toContainText('MU552');
	await request.getByRole('link', { name: 'New slot for this arrival' }).click();
	await expect(page.getByLabel('Date')).toHaveValue(day(40));
	await page.getByLabel('Airport or terminal').fill('PVG, terminal 2');
	await page.getByLabel('Driver or volunteer').fill('Li Wei, +86 138 0000 0000');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.locator('#requests ~ ul > li').filter({ hasText: 'Priya Testova' }).getByRole('button', { name: 'Place' }).click();
	await expect(page.getByRole('status')).toContainText('The request is placed');
	await expect(page.locator('#slots ~ ul > li').filter({ hasText: 'PVG, terminal 2' })).toContainText('Priya Testova');

	// Staff issue the invitation letter as a PDF; its code verifies on the public page.
	await page.goto(`/en/workspace/tongji/cases/${letterId}`);
	await page.getByLabel('Letter', { exact: true }).selectOption('invitation');
	await page.getByLabel('Language of the letter').selectOption('en');
	await page.getByRole('button', { name: 'Issue the letter' }).click();
	await expect(page.getByRole('status')).toContainText('The letter is issued');
	const letterRow = page.locator('#letters ~ .table-wrap tbody tr').first();
	const code = (await letterRow.locator('code').textContent())!;
	const pdf = await page.request.get((await letterRow.getByRole('link', { name: 'Letter of invitation' }).getAttribute('href'))!);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	// On a phone, in Chinese and Kazakh, the queue and the case (applicant data, letters) fit the screen.
	await page.setViewportSize({ width: 360, height: 740 });
	for (const locale of ['zh', 'kk']) {
		for (const path of ['/workspace/tongji/cases', `/workspace/tongji/cases/${letterId}`]) {
			await page.goto(`/${locale}${path}`);
			expect(await horizontalOverflow(page), `${locale}${path}`).toBeLessThanOrEqual(0);
		}
	}
	await page.setViewportSize({ width: 1280, height: 720 });
	await signOut(page);
	await page.goto('/en/verify');
	await page.getByLabel('Verification code').fill(code.toLowerCase().replaceAll('-', ' '));
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page).toHaveURL(new RegExp(`/en/verify/${code}$`));
	await expect(page.getByRole('status')).toContainText('This letter is genuine');
	// The letter names her as her passport does.
	await expect(page.locator('dl.facts')).toContainText('TESTOVA PRIYA');
	await expect(page.locator('dl.facts')).toContainText('Letter of invitation');
	// The default title in the page's language is the kind's name: it shows once, not "X (X)".
	await expect(page.locator('dl.facts')).not.toContainText('Letter of invitation (Letter of invitation)');

	// Staff close both cases; the closed case takes no more messages.
	await signIn(page, 'tongji.staff@demo.welcome.test');
	for (const id of [letterId, pickupId]) {
		await page.goto(`/en/workspace/tongji/cases/${id}`);
		await page.getByLabel('New status').selectOption('done');
		await page.getByRole('button', { name: 'Change the status' }).click();
		await expect(page.locator('dl.facts').first()).toContainText('Done');
	}
	await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);

	// The flight moves to tomorrow: the police registration is now due soon, and the reminder
	// job e-mails it once, however often it runs.
	await signOut(page);
	await signIn(page, email, password);
	// The applicant's space and request on a phone, in Kazakh and Chinese: nothing wider than the screen.
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of ['/kk/my', `/kk/my/requests/${letterId}`, '/zh/my', `/zh/my/requests/${letterId}`]) {
		await page.goto(path);
		expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/en/my/profile');
	await page.getByLabel('Arrival date').fill(day(1));
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('ol.timeline > li').filter({ hasText: 'Register your address with the local police' })).toContainText('Due soon');
	await signOut(page);
	await signIn(page, 'admin@demo.welcome.test');
	for (let run = 0; run < 2; run++) {
		await page.goto('/en/admin/jobs');
		await page.locator('section').filter({ hasText: 'Arrival timeline reminders' }).getByRole('button', { name: 'Run now' }).click();
		await expect(page.getByRole('status')).toContainText('The job ran');
	}

	// The student was told by e-mail of every step: two requests received, a message, the
	// pickup, the letter, three statuses, one reminder (and the address check at sign-up).
	await page.goto('/en/admin/outbox');
	await expect(page.getByRole('row', { name: new RegExp(email) })).toHaveCount(10);
	await expect(page.getByRole('row', { name: /Reminder: Register your address with the local police/ })).toHaveCount(1);
});

test('the outbox names each status in the reader’s language, and long links wrap instead of widening the page', async ({ page }) => {
	await register(page, `outbox-${Date.now()}@example.org`, 'a long walk on the bund');
	await signOut(page);
	await signIn(page, 'admin@demo.welcome.test');
	for (const [locale, outbox] of [['ru', 'В исходящих (не отправлено)'], ['kk', 'Шығыс жәшігінде (жіберілмеген)'], ['zh', '在发件箱中（未发送）'], ['en', 'In the outbox (not sent)']] as const) {
		await page.goto(`/${locale}/admin/outbox`);
		const status = page.locator('table tbody tr td:nth-child(4)');
		await expect(status.first()).toHaveText(outbox);
		expect(await status.allTextContents()).not.toContain('outbox');
	}
	// The address confirmation carries a long token: the message view stays as wide as the window.
	await page.getByRole('row', { name: /outbox-/ }).first().getByRole('link').click();
	await expect(page.locator('ul.links a[href*="verify-email"]')).toBeVisible();
	const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
	expect(widths.page).toBeLessThanOrEqual(widths.window);
});

test('the demo badge in an event list is as wide as its text', async ({ page }) => {
	await page.goto('/en/events');
	const badge = page.locator('ul.events .badge').first();
	await expect(badge).toHaveText('Demo');
	const [box, text] = await Promise.all([badge.boundingBox(), badge.evaluate((el) => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().width; })]);
	expect(box!.width).toBeLessThan(text + 40);
});

test('staff match the demo student with a buddy who speaks their language; the student sees their buddy', async ({ page }) => {
	const email = `buddy-${Date.now()}@students.test`;
	await signIn(page, 'enu.staff@demo.welcome.test');
	await page.goto('/en/workspace/enu/buddies');
	await page.getByRole('link', { name: 'Add a buddy' }).click();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#languages-error')).toBeVisible();
	await page.getByLabel('Full name').fill('Aigerim Buddy');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Hindi').check();
	await page.getByLabel('Kazakh').check();
	await page.getByLabel('Interests').fill('photography, football');
	await page.getByRole('button', { name: 'Save' }).click();
	const student = page.locator('ul.people > li').filter({ hasText: 'Incoming student (demo)' });
	await student.getByRole('button', { name: 'Match with Aigerim Buddy' }).click();
	await expect(page.getByRole('status')).toContainText('The match is made');
	await expect(page.locator('ul.people > li').filter({ hasText: 'Incoming student (demo)' })).toContainText('Buddy: Aigerim Buddy');

	await signOut(page);
	await signIn(page, 'student@demo.welcome.test');
	await page.goto('/en/my');
	await expect(page.locator('section.buddy')).toContainText('Aigerim Buddy is your buddy');
	await expect(page.locator('section.buddy')).toContainText(email);
});

test('a person downloads a copy of their data, then erases it and their account', async ({ page }) => {
	const email = `erase-${Date.now()}@example.org`;
	const password = 'a long walk on the bund';
	await register(page, email, password);
	await page.goto('/en/my/data');
	const copy = await page.request.get('/en/my/data/export.json');
	expect(copy.headers()['content-disposition']).toContain('attachment');
	expect((await copy.json()).account.email).toBe(email);
	await page.getByLabel('To confirm, type your e-mail address').fill('wrong@example.org');
	await page.getByRole('button', { name: 'Erase my data' }).click();
	await expect(page.locator('#f-confirm-error')).toBeVisible();
	await page.getByLabel('To confirm, type your e-mail address').fill(email);
	await page.getByRole('button', { name: 'Erase my data' }).click();
	await expect(page.getByRole('status')).toContainText('Your data is erased');
	await signOut(page);
	await page.goto('/en/sign-in');
	await page.locator('input[name="email"]').fill(email);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('form.stack button[type="submit"]').click();
	await expect(page.getByRole('alert')).toBeVisible();
});
