import { z } from 'zod';
import { contentFieldNames, readContentForm } from '$lib/content-form';
import { cleanLocalizedText, type LocalizedText } from '$lib/i18n/localized-text';
import { editableContent, type Snapshot } from '../content/editorial';
import { localizedInput, slugInput } from '../editing/content-inputs';
import { parseInput } from '../platform/validation';
import { removeFromIndex } from '../search/search.service';
import { indexNews } from './news.search';
import { newsItem } from './news.tables';

/**
 * Editing an institution's news with the shared editorial workflow (content/editorial.ts).
 * News has a publication date, so it can be scheduled.
 */
const FIELDS = contentFieldNames('news');
/** Its fields are the form spec's ($lib/content-kinds.ts), in form order. */
export const NEWS_TRANSLATED_FIELDS = FIELDS.translated;
/** Needed in every language the institution publishes in before an item can go public. */
export const NEWS_REQUIRED_FIELDS = ['title', 'summary'] as const;

export interface NewsData {
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	body: LocalizedText;
}
export type NewsSnapshot = Snapshot<NewsData>;

/** Its keys are the form spec's fields ($lib/content-form.test.ts compares them). */
export const newsInputSchema = z.object({ slug: slugInput, title: localizedInput(200), summary: localizedInput(600), body: localizedInput(20_000) });

/** The editor's form (`slug`, `title.en`, `title.ru`…) read by the form spec. */
export function newsInputFromForm(input: Record<string, string>) {
	return readContentForm('news', input);
}

const news = editableContent<NewsData>({
	entityType: 'news',
	table: newsItem,
	translated: NEWS_TRANSLATED_FIELDS,
	required: NEWS_REQUIRED_FIELDS,
	sourceRequired: 'title',
	plain: FIELDS.plain,
	parse(input) {
		const data = parseInput(newsInputSchema, input);
		return { slug: data.slug, title: cleanLocalizedText(data.title), summary: cleanLocalizedText(data.summary), body: cleanLocalizedText(data.body) };
	},
	fromRow: (row) => ({ slug: row.slug, title: row.title as LocalizedText, summary: row.summary as LocalizedText, body: row.body as LocalizedText }),
	toRow: (data) => ({ slug: data.slug, title: data.title, summary: data.summary, body: data.body }),
	publishedAt: newsItem.publishedAt,
	listOrder: newsItem.publishedAt,
	index: (ctx, row) => indexNews(ctx, row as unknown as typeof newsItem.$inferSelect),
	unindex: (ctx, row) => removeFromIndex(ctx, `/news/${row.slug}`)
});

export const listNewsForEditing = news.list;
export const getNewsForEditing = news.get;
export const createNews = news.create;
export const saveNews = news.save;
export const changesSince = news.changesSince;
export const requestNewsReview = news.requestReview;
export const publishNews = news.publish;
export const unpublishNews = news.unpublish;
export const deleteNewsDraft = news.deleteDraft;
export const newsHistory = news.history;
export const newsRevisionDiff = news.revisionDiff;
export const restoreNewsRevision = news.restore;
export const newsEditing = news;
