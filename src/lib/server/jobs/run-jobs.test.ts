/**
 * When the database goes away while pg-boss finishes a job, pg-boss 10 leaves the rejection of its
 * bookkeeping unhandled. The app must log it and keep running (the database comes back); any
 * other unhandled rejection must still end the process.
 */
import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createLogger, useLog } from '../observability/logger';
import { tolerateLostDatabase } from './run-jobs';

/** The error pg gives when nothing listens on the database's port, as after PostgreSQL died. */
async function refusedConnection(): Promise<unknown> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	const pool = new pg.Pool({ connectionString: `postgres://app@127.0.0.1:${port}/stadtwissen` });
	try {
		await pool.query('SELECT 1');
	} catch (error) {
		return error;
	} finally {
		await pool.end();
	}
	throw new Error('the connection was not refused');
}

describe('unhandled rejections of background jobs', () => {
	it('logs a lost database as a warning instead of ending the app', async () => {
		const lines: string[] = [];
		const restore = useLog(createLogger({ format: 'json', level: 'info', destination: { write: (line: string) => void lines.push(line) } }));
		try {
			const refused = await refusedConnection();
			expect(() => tolerateLostDatabase(refused)).not.toThrow();
		} finally {
			restore();
		}
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0])).toMatchObject({ level: 40, msg: expect.stringContaining('Datenbank nicht antwortet') });
	});

	it('still ends the process for every other rejection', () => {
		const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
		expect(() => tolerateLostDatabase(bug)).toThrow(bug);
	});
});
