/**
 * Stands in for a running server in tests: opens the database of STADTWISSEN_DATA_DIR as `serve`
 * does (lock, embedded PostgreSQL, migrations), prints "bereit" and keeps it until SIGTERM.
 */
import { openDatabase } from '../../src/cli/database';

const running = await openDatabase({ log: () => {} });
console.log('bereit');
process.on('SIGTERM', () => {
	void running.shutdown().then(() => process.exit(0));
});
