import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binaryCacheDir, DEFAULT_PG_CACHE, DEFAULT_PG_CLUSTERS, ensureBinaryCache, isFreshDataDir, relocatedClusterDir } from './postgres-location';

const build = { version: '18.4.0-beta.17', platform: 'linux', arch: 'x64' };
const scratch: string[] = [];
const tempDir = () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-location-'));
	scratch.push(dir);
	return dir;
};
afterEach(() => {
	for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('where PostgreSQL lives when Stadtwissen runs as root', () => {
	it('keeps the programs per PostgreSQL build in /var/cache/stadtwissen unless STADTWISSEN_PG_CACHE says otherwise', () => {
		expect(binaryCacheDir({}, build)).toBe(`${DEFAULT_PG_CACHE}/postgres-18.4.0-beta.17-linux-x64`);
		expect(binaryCacheDir({ STADTWISSEN_PG_CACHE: '/opt/pg-cache' }, build)).toBe('/opt/pg-cache/postgres-18.4.0-beta.17-linux-x64');
		expect(binaryCacheDir({}, { ...build, version: '18.5.0' })).not.toBe(binaryCacheDir({}, build));
	});

	it('gives every unreachable data directory a cluster of its own under /var/lib/stadtwissen', () => {
		const one = relocatedClusterDir({}, '/root/sw-test/data');
		expect(one).toMatch(new RegExp(`^${DEFAULT_PG_CLUSTERS}/data-[0-9a-f]{12}/postgres$`));
		expect(relocatedClusterDir({}, '/root/sw-test/data/')).toBe(one);
		expect(relocatedClusterDir({}, '/root/other/data')).not.toBe(one);
		expect(relocatedClusterDir({ STADTWISSEN_PG_CLUSTERS: '/srv/pg' }, '/root/sw-test/data')).toMatch(/^\/srv\/pg\/data-[0-9a-f]{12}\/postgres$/);
	});

	it('counts a data directory holding only its own lock as empty, one with data not', () => {
		expect(isFreshDataDir([])).toBe(true);
		expect(isFreshDataDir(['stadtwissen.lock'])).toBe(true);
		expect(isFreshDataDir(['stadtwissen.lock', 'postgres'])).toBe(false);
		expect(isFreshDataDir(['notizen.txt'])).toBe(false);
	});

	it('copies the programs once, readable and executable for everyone, with their library links', () => {
		const packaged = tempDir();
		fs.mkdirSync(path.join(packaged, 'bin'));
		fs.mkdirSync(path.join(packaged, 'lib'));
		fs.writeFileSync(path.join(packaged, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o700 });
		fs.writeFileSync(path.join(packaged, 'lib', 'libpq.so.5.18'), 'lib', { mode: 0o600 });
		fs.symlinkSync('libpq.so.5.18', path.join(packaged, 'lib', 'libpq.so.5'));
		const cache = path.join(tempDir(), 'cache', 'postgres-x');

		expect(ensureBinaryCache(packaged, cache)).toBe(cache);
		expect(fs.statSync(path.join(cache, 'bin', 'postgres')).mode & 0o777).toBe(0o755);
		expect(fs.statSync(path.join(cache, 'lib', 'libpq.so.5.18')).mode & 0o777).toBe(0o644);
		expect(fs.statSync(path.join(cache, 'lib')).mode & 0o777).toBe(0o755);
		expect(fs.readlinkSync(path.join(cache, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');

		// A second start finds the copy and leaves it alone.
		fs.writeFileSync(path.join(packaged, 'bin', 'postgres'), 'changed');
		ensureBinaryCache(packaged, cache);
		expect(fs.readFileSync(path.join(cache, 'bin', 'postgres'), 'utf8')).toBe('#!/bin/sh\n');
		expect(fs.readdirSync(path.dirname(cache))).toEqual(['postgres-x']);
	});
});
