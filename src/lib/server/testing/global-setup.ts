import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestTemplate, type TestTemplate } from './template';

declare module 'vitest' {
	export interface ProvidedContext {
		testTemplate: TestTemplate;
	}
}

/** Vitest global set-up of the integration project: migrate once, hand the copy to every file. */
export default async function setup(project: TestProject) {
	const { template, remove } = await createTestTemplate(path.resolve('drizzle'));
	project.provide('testTemplate', template);
	return remove;
}
