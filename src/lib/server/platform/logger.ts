/**
 * A small structured logger: JSON lines in production (for log collectors), one readable
 * line in development. Hand-written: four levels and a request id are all we need.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
	debug(msg: string, fields?: Record<string, unknown>): void;
	info(msg: string, fields?: Record<string, unknown>): void;
	warn(msg: string, fields?: Record<string, unknown>): void;
	error(msg: string, fields?: Record<string, unknown>): void;
	child(fields: Record<string, unknown>): Logger;
}

export function createLogger(
	format: 'json' | 'pretty' = process.env.NODE_ENV === 'production' ? 'json' : 'pretty',
	base: Record<string, unknown> = {},
	minLevel: Level = (process.env.LOG_LEVEL as Level) ?? 'info'
): Logger {
	const write = (level: Level, msg: string, fields: Record<string, unknown> = {}) => {
		if (ORDER[level] < (ORDER[minLevel] ?? 20)) return;
		const record = { time: new Date().toISOString(), level, msg, ...base, ...fields };
		const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
		if (format === 'json') {
			stream.write(JSON.stringify(record, errorReplacer) + '\n');
		} else {
			const extras = Object.entries({ ...base, ...fields })
				.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v, errorReplacer)}`)
				.join(' ');
			stream.write(`${record.time} ${level.toUpperCase().padEnd(5)} ${msg}${extras ? ' ' + extras : ''}\n`);
		}
	};
	return {
		debug: (m, f) => write('debug', m, f),
		info: (m, f) => write('info', m, f),
		warn: (m, f) => write('warn', m, f),
		error: (m, f) => write('error', m, f),
		child: (fields) => createLogger(format, { ...base, ...fields }, minLevel)
	};
}

function errorReplacer(_key: string, value: unknown) {
	// Drizzle wraps the database's error ("Failed query: …"): its cause says what went wrong.
	if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack, ...(value.cause !== undefined ? { cause: value.cause } : {}) };
	return value;
}

export const logger = createLogger();
