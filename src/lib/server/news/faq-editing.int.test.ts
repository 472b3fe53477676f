import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { faqEditing, listPublicFaq } from './faq-editing.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

const question = (slug: string, position: number, en: string) => ({ slug, position: String(position), question: { en }, answer: { en: `Answer to ${en}` } });

describe('questions and answers', () => {
	it('shows published answers on the profile in their order, each address unique within the institution', async () => {
		const [a, b] = [await makeInstitution(platform, { locales: ['en'] }), await makeInstitution(platform, { locales: ['en'] })];
		const editorA = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: a.id })).id);
		const editorB = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: b.id })).id);
		const visa = await faqEditing.create(editorA, a.id, question('visa', 20, 'How do I get a visa?'));
		const housing = await faqEditing.create(editorA, a.id, question('housing', 10, 'Where will I live?'));
		await faqEditing.create(editorA, a.id, question('draft-only', 5, 'Not yet public'));
		// The same address at another institution is fine; twice at one is not.
		await faqEditing.create(editorB, b.id, question('visa', 1, 'Visa at B'));
		expect((await failure(faqEditing.create(editorA, a.id, question('visa', 1, 'Again')))).fields).toEqual({ slug: 'error_address_taken' });

		await faqEditing.publish(editorA, a.id, visa.id, { version: 1 });
		await faqEditing.publish(editorA, a.id, housing.id, { version: 1 });
		expect((await listPublicFaq(editorA, a.id)).map((f) => f.slug)).toEqual(['housing', 'visa']);
		expect((await failure(faqEditing.create(editorA, a.id, { ...question('xyz', 1, 'Q'), position: 'first' }))).fields).toEqual({ position: 'error_import_number' });
	});
});
