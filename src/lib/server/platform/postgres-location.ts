import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/*
 * As root, PostgreSQL runs as the system user "postgres", which must reach its programs and its
 * cluster directory. A clone inside root's home (mode 0700, the everyday case in a container)
 * is out of its reach — and must stay so: nothing here widens a directory's permissions.
 * Instead the programs are copied once into a root-owned, world-readable cache, and the cluster
 * of a data directory the system user cannot reach lives under /var/lib/stadtwissen, linked from
 * the data directory as `postgres` so it is found again (and seen by whoever looks there).
 */

export interface LocationEnv {
	/** Where the PostgreSQL programs are copied to (default /var/cache/stadtwissen). */
	STADTWISSEN_PG_CACHE?: string;
	/** Where clusters of unreachable data directories live (default /var/lib/stadtwissen). */
	STADTWISSEN_PG_CLUSTERS?: string;
}

export const DEFAULT_PG_CACHE = '/var/cache/stadtwissen';
export const DEFAULT_PG_CLUSTERS = '/var/lib/stadtwissen';

/** One directory per PostgreSQL build: a new version never runs the programs of an older one. */
export function binaryCacheDir(env: LocationEnv, build: { version: string; platform: string; arch: string }): string {
	return path.join(path.resolve(env.STADTWISSEN_PG_CACHE || DEFAULT_PG_CACHE), `postgres-${build.version}-${build.platform}-${build.arch}`);
}

/** The cluster of a data directory the system user cannot reach: named after the directory, unique per path. */
export function relocatedClusterDir(env: LocationEnv, dataDir: string): string {
	const resolved = path.resolve(dataDir);
	const id = createHash('sha256').update(resolved).digest('hex').slice(0, 12);
	const name = path.basename(resolved).replace(/[^A-Za-z0-9._-]/g, '_') || 'daten';
	return path.join(path.resolve(env.STADTWISSEN_PG_CLUSTERS || DEFAULT_PG_CLUSTERS), `${name}-${id}`, 'postgres');
}

/** Files Stadtwissen itself writes into a data directory before PostgreSQL is set up: such a directory still counts as empty. */
const OWN_FILES = new Set(['stadtwissen.lock', 'postgres-port']);

export const isFreshDataDir = (entries: string[]) => entries.every((entry) => OWN_FILES.has(entry));

/**
 * Copies bin/, lib/ and share/ of the packaged PostgreSQL into the cache unless there already
 * (into a temporary directory first, then renamed: a second process starting at the same time
 * never sees half a copy). Directories 0755, files keep their modes (programs stay executable).
 */
export function ensureBinaryCache(packagedDir: string, cacheDir: string): string {
	if (fs.existsSync(path.join(cacheDir, 'bin', 'postgres'))) return cacheDir;
	const parent = path.dirname(cacheDir);
	fs.mkdirSync(parent, { recursive: true, mode: 0o755 });
	const staging = `${cacheDir}.${process.pid}.tmp`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.cpSync(packagedDir, staging, { recursive: true, verbatimSymlinks: true });
	const open = (dir: string) => {
		fs.chmodSync(dir, 0o755);
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) open(full);
			else if (entry.isFile()) fs.chmodSync(full, fs.statSync(full).mode & 0o111 ? 0o755 : 0o644);
		}
	};
	open(staging);
	try {
		fs.renameSync(staging, cacheDir);
	} catch (error) {
		fs.rmSync(staging, { recursive: true, force: true });
		if (!fs.existsSync(path.join(cacheDir, 'bin', 'postgres'))) throw error;
	}
	return cacheDir;
}
