import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** Invitation tokens: 256 bits of randomness, URL-safe, 43 characters. */
export function newInvitationToken(): string {
	return randomBytes(32).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the invitations table stores: looked up by index, never compared in a loop. */
export const invitationHash = (token: string) => sha256(`invitation:${token}`);

/** Marks a round as submitted for a token; unrelated to the invitation row without the token itself. */
export const spentMarker = (studyId: string, round: number, token: string) => sha256(`spent:${studyId}:${round}:${token}`);

/** Row key of the encrypted drafts, again derivable only from the token. */
export const draftLookup = (studyId: string, token: string) => sha256(`draft:${studyId}:${token}`);

function draftKey(studyId: string, token: string): Buffer {
	return Buffer.from(hkdfSync('sha256', token, studyId, 'stadtwissen questionnaire draft v1', 32));
}

/** AES-256-GCM with a key derived from the token: the database alone cannot read a draft. */
export function sealForToken(studyId: string, token: string, value: unknown): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', draftKey(studyId, token), iv);
	const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
	return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64')).join('.');
}

export function openForToken<T>(studyId: string, token: string, sealed: string): T | null {
	try {
		const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
		const decipher = createDecipheriv('aes-256-gcm', draftKey(studyId, token), iv);
		decipher.setAuthTag(tag);
		return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
	} catch {
		return null;
	}
}

/** A retry is recognised per link and round: another link (or a later round) reusing a key is a submission of its own. */
export const idempotencyHash = (studyId: string, round: number, token: string, key: string) => sha256(`idempotency:${studyId}:${round}:${token}:${key}`);
export const bodyHash = (value: unknown) => sha256(JSON.stringify(value));
