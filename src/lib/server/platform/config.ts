import path from 'node:path';

/** Everything the platform reads from the environment, in one place. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
	const port = Number(env.PORT ?? 3000);
	const production = env.NODE_ENV === 'production';
	return {
		port,
		production,
		origin: (env.ORIGIN ?? `http://localhost:${port}`).replace(/\/$/, ''),
		dataDir: path.resolve(env.DATA_DIR ?? './data'),
		databaseUrl: env.DATABASE_URL || undefined,
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM ?? 'WELCOME platform <no-reply@welcome.local>',
		authSecret: env.AUTH_SECRET || undefined,
		adminEmail: env.ADMIN_EMAIL || undefined,
		adminPassword: env.ADMIN_PASSWORD || undefined,
		/**
		 * Demo data on first start with an empty database: by default in development
		 * (SEED_DEMO=false starts empty), only when asked for (SEED_DEMO=true) in production.
		 */
		seedDemo: production ? env.SEED_DEMO === 'true' : env.SEED_DEMO !== 'false',
		/**
		 * The demo accounts' password. Unset in production: each demo account gets a random one,
		 * printed once, because the development default is published in the README.
		 */
		demoPassword: env.DEMO_PASSWORD || undefined,
		/** Background jobs (reminders, …) on this server; turn off on all but some servers if you like. */
		runJobs: env.RUN_JOBS !== 'false',
		/** Days after an incoming person's stay ends before their personal data is erased. */
		personalDataRetentionDays: Math.max(1, Number(env.PERSONAL_DATA_RETENTION_DAYS ?? 365) || 365),
		logFormat: (env.LOG_FORMAT ?? (production ? 'json' : 'pretty')) as 'json' | 'pretty',
		migrationsDir: path.resolve(env.MIGRATIONS_DIR ?? './drizzle'),
		/**
		 * Scheduled backups (the `backup` job) into this folder, when set: BACKUP_DIR/welcome-<time>/,
		 * every BACKUP_EVERY_HOURS hours, the newest BACKUP_KEEP kept.
		 */
		backupDir: env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : undefined,
		backupKeep: Math.max(1, Math.floor(Number(env.BACKUP_KEEP ?? 7)) || 7),
		backupEveryHours: Number(env.BACKUP_EVERY_HOURS ?? 24) > 0 ? Number(env.BACKUP_EVERY_HOURS ?? 24) : 24,
		/**
		 * Where the EWP registry's catalogue is read from: the network's own by default; a file
		 * (file:///…) or a local URL made with `npm run ewp:catalogue` for development and tests.
		 */
		ewpRegistryUrl: env.EWP_REGISTRY_URL || 'https://registry.erasmuswithoutpaper.eu/catalogue-v1.xml',
		/** Uploaded files: on local disk in DATA_DIR/media, or in an S3-compatible bucket when set. */
		mediaS3: env.MEDIA_S3_BUCKET
			? {
					endpoint: (env.MEDIA_S3_ENDPOINT ?? 'https://s3.amazonaws.com').replace(/\/$/, ''),
					bucket: env.MEDIA_S3_BUCKET,
					region: env.MEDIA_S3_REGION ?? 'us-east-1',
					accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID ?? '',
					secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY ?? ''
				}
			: undefined
	};
}

export type Config = ReturnType<typeof readConfig>;
