/**
 * A real redis-server for the unit tests, when the machine has one (Debian's redis-server package; `npm run
 * test:queue` installs it). Without it the tests that need it are skipped with a printed notice.
 */
import {
	findBinaries,
	queueServicesAvailable,
	startRedis,
	type RunningService,
	type ServiceBinaries,
} from '../../e2e/queue/services';

/** With PC_QUEUE=1 (npm run test:queue) a missing redis-server is installed; otherwise only found. */
export const redisBin =
	process.env.PC_QUEUE === '1' ? queueServicesAvailable((m) => console.log(m)).binaries?.redisBin : findBinaries().redisBin;

/** `describe` when redis-server is installed, else `describe.skip` with a notice saying so. */
export function describeWithRedis(title: string, body: () => void): void {
	if (!redisBin) {
		console.log(`${title}: skipped, redis-server is not installed (apt-get install redis-server, or npm run test:queue)`);
		describe.skip(title, body);
		return;
	}
	describe(title, body);
}

export async function startTestRedis(opts: { password?: string } = {}): Promise<RunningService> {
	return await startRedis({ redisBin } as ServiceBinaries, opts);
}
