import path from 'node:path';
import { createAuth } from '../auth/auth';
import { ensureFirstAdmin } from '../auth/users.service';
import { openDatabase, type Database } from '../db/database';
import { isDatabaseEmpty, retirePublishedDemoPassword, seedDemo } from '../demo/demo.seed';
import { seedGuides } from '../guides/guides.service';
import { seedExchangeRates } from '../programmes/programmes.seed';
import { rebuildSearchIndex } from '../search/search.service';
import { registerConfiguredJobs } from './registry';
import { systemClock, type Clock } from '../platform/clock';
import { seedCosts } from '../costs/costs.service';
import { seedScholarships } from '../scholarships/scholarships.service';
import { createMailer, type MailTransport } from '../mail/mailer';
import { configuredStorage } from '../media/storage';
import { ensureAuthSecret } from '../settings/settings.service';
import type { Config } from '../platform/config';
import type { Platform } from '../platform/context';
import { createLogger, type Logger } from '../platform/logger';

export interface RunningPlatform extends Platform {
	database: Database;
	close(): Promise<void>;
}

/**
 * Opens the database, migrates it, and builds the services every request uses.
 * `prepare: true` (the server) also seeds demo data into an empty database and makes sure
 * there is a way to become the first platform admin.
 */
export async function startPlatform(
	config: Config,
	options: { prepare?: boolean; logger?: Logger; dataDir?: string | 'memory'; loadDataDir?: Blob; mailTransport?: MailTransport; clock?: Clock } = {}
): Promise<RunningPlatform> {
	const logger = options.logger ?? createLogger(config.logFormat);
	const database = await openDatabase({
		url: config.databaseUrl,
		dataDir: options.dataDir ?? path.join(config.dataDir, 'pglite'),
		loadDataDir: options.loadDataDir
	});
	await database.migrate(config.migrationsDir);
	registerConfiguredJobs(config);
	const secret = await ensureAuthSecret(database.db, config.authSecret);
	const mailer = createMailer({ db: database.db, smtpUrl: config.smtpUrl, from: config.mailFrom, logger, transport: options.mailTransport });
	const auth = createAuth({ db: database.db, secret, origin: config.origin, production: config.production, mailer, logger });
	const platform: RunningPlatform = {
		db: database.db,
		database,
		config,
		logger,
		mailer,
		auth,
		clock: options.clock ?? systemClock,
		media: configuredStorage(config),
		close: async () => {
			await mailer.close();
			await database.close();
		}
	};
	if (options.prepare) {
		// Country facts are reference data, not demo data: every platform gets them.
		await seedGuides(platform);
		await seedExchangeRates(platform);
		await seedScholarships(platform);
		await seedCosts(platform);
		if (config.seedDemo && (await isDatabaseEmpty(platform))) await seedDemo(platform);
		if (config.production && !config.demoPassword) await retirePublishedDemoPassword(platform);
		await rebuildSearchIndex(platform);
		const { setupUrl } = await ensureFirstAdmin(platform);
		if (setupUrl) logger.warn(`No platform admin yet. Open this one-time link to create one: ${setupUrl}`);
	}
	logger.info('platform ready', { database: database.kind });
	return platform;
}
