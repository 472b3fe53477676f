/**
 * The server process the fault tests kill: `node --import tsx fault-child.testkit.ts <dataDir>
 * <databaseUrl or ''> <job as JSON>`, with WELCOME_FAILPOINTS naming where it dies. It opens
 * the same database as the test, as a server does, and runs one write. Exit 0 means the write
 * went through (the failpoint was not reached); the test expects death by SIGKILL.
 */
import { openFaultPlatform, runFaultJob, type FaultJob } from './faults.testkit';

const [dataDir, databaseUrl, job] = process.argv.slice(2);
if (!dataDir || !job) {
	console.error('usage: fault-child.testkit.ts <dataDir> <databaseUrl|""> <job JSON>');
	process.exit(2);
}
const platform = await openFaultPlatform(dataDir, databaseUrl || undefined);
try {
	const result = await runFaultJob(platform, JSON.parse(job) as FaultJob);
	console.log(JSON.stringify({ completed: true, result: result ? 'value' : null }));
} finally {
	await platform.close();
}
