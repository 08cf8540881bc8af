import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface PasswordCost {
	N: number;
	r: number;
	p: number;
}

/** OWASP's recommendation for scrypt: N = 2¹⁷, r = 8, p = 1 (128 MiB and a few hundred milliseconds per hash). */
export const PASSWORD_COST: PasswordCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** Stored hashes are ours; this bound only keeps a damaged row from asking for gigabytes. */
const MAX_N = 2 ** 20;

let cost: PasswordCost = PASSWORD_COST;

/**
 * Test runs hash hundreds of passwords; they may lower the cost. Refused outside Vitest, so no
 * configuration of a real instance can take this path.
 */
export function setPasswordCostForTests(testCost: PasswordCost): void {
	if (!process.env.VITEST) throw new Error('setPasswordCostForTests is for tests only.');
	cost = testCost;
}

function scryptAsync(password: string, salt: Buffer, options: PasswordCost): Promise<Buffer> {
	// scrypt needs 128 · N · r · p bytes; Node's default ceiling (32 MiB) is below N = 2¹⁷.
	const maxmem = 128 * options.N * options.r * options.p + 16 * 1024 * 1024;
	return new Promise((resolve, reject) =>
		scrypt(password, salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)))
	);
}

function parseHash(stored: string): { cost: PasswordCost; salt: Buffer; hash: Buffer } | null {
	const [scheme, n, r, p, salt, hash] = stored.split('$');
	const parsed = { N: Number(n), r: Number(r), p: Number(p) };
	if (scheme !== 'scrypt' || !salt || !hash) return null;
	if (![parsed.N, parsed.r, parsed.p].every(Number.isSafeInteger) || parsed.N < 2 || parsed.N > MAX_N || parsed.r < 1 || parsed.p < 1) return null;
	return { cost: parsed, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/** Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scryptAsync(password, salt, cost);
	return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (!parsed) return false;
	const actual = await scryptAsync(password, parsed.salt, parsed.cost);
	return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/** Whether a stored hash was made with a lower cost than today's: re-hash it at the next successful login. */
export function needsRehash(stored: string): boolean {
	const parsed = parseHash(stored);
	if (!parsed) return false;
	return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p;
}

/** A hash of a password nobody has, at today's cost, so that unknown e-mails cost as much time as known ones. */
export function unusablePasswordHash(): string {
	return `scrypt$${cost.N}$${cost.r}$${cost.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
}

/** 256 bits of randomness, URL-safe. */
export function newSecretToken(prefix = ''): string {
	return prefix + randomBytes(32).toString('base64url');
}

/** Secret tokens are stored only as this hash and looked up by it (an index lookup, not a comparison loop). */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function generatePassword(): string {
	// Readable on paper: no 0/O, 1/l/I.
	const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = randomBytes(20);
	const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
	return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10, 15), chars.slice(15, 20)].map((g) => g.join('')).join('-');
}
