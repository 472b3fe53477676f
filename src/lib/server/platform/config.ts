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
		/** Demo data on first start with an empty database; SEED_DEMO=false starts empty. */
		seedDemo: env.SEED_DEMO !== 'false',
		logFormat: (env.LOG_FORMAT ?? (production ? 'json' : 'pretty')) as 'json' | 'pretty',
		migrationsDir: path.resolve(env.MIGRATIONS_DIR ?? './drizzle')
	};
}

export type Config = ReturnType<typeof readConfig>;
