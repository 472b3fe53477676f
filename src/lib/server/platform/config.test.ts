import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('demo data', () => {
	it('is seeded by default in development and can be turned off', () => {
		expect(readConfig({}).seedDemo).toBe(true);
		expect(readConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
	});

	it('is never seeded in production unless asked for, and then with no known password', () => {
		expect(readConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
		expect(readConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
		expect(readConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).demoPassword).toBeUndefined();
	});
});
