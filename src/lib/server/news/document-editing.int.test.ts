import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../boot/platform';
import { failure } from '../testing/assertions';
import { contextFor, makeInstitution, makeUser } from '../testing/factories';
import { createTestPlatform } from '../testing/platform';
import { documentEditing } from './document-editing.service';
import { listDocuments } from './news.service';

let platform: RunningPlatform;
beforeAll(async () => {
	platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

const input = (overrides: Record<string, unknown> = {}) => ({
	slug: 'arrival-leaflet',
	kind: 'leaflet',
	language: 'en',
	url: '/media/3f1c9a52-8d7e-4b1a-9c3e-2a6b5d4e7f80/document.pdf',
	publishedOn: '2026-11-01',
	title: { en: 'Arrival leaflet' },
	...overrides
});

describe('the documents library', () => {
	it('lists a document once it is published, linking a PDF of the media library', async () => {
		const inst = await makeInstitution(platform, { locales: ['en'] });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const created = await documentEditing.create(editor, inst.id, input());
		const listed = async () => (await listDocuments(editor, { kind: 'leaflet', pageSize: 200 })).items.filter((d) => d.institutionSlug === inst.slug).map((d) => d.title.en);
		expect(await listed()).toEqual([]);
		await documentEditing.publish(editor, inst.id, created.id, { version: 1 });
		expect(await listed()).toEqual(['Arrival leaflet']);
	});

	it('accepts only web addresses and media-library PDFs, and known kinds and languages', async () => {
		const inst = await makeInstitution(platform, { locales: ['en'] });
		const editor = await contextFor(platform, (await makeUser(platform, { role: 'editor', institutionId: inst.id })).id);
		const error = await failure(documentEditing.create(editor, inst.id, input({ url: 'javascript:alert(1)', kind: 'flyer', language: 'xx' })));
		expect(error.fields).toEqual({ url: 'error_document_url', kind: 'error_choose_one', language: 'error_choose_one' });
	});
});
