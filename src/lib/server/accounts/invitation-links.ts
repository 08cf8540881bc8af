import type { Role } from '../auth/actor';
import { hashToken } from '../auth/secrets';
import { timingSafeEqual } from 'node:crypto';

export const INVITATION_VALID_DAYS = 14;

export const roleLabels: Record<Role, string> = {
	owner: 'Inhaber*in',
	organiser: 'Organisator*in',
	facilitator: 'Referent*in',
	viewer: 'Lesende*r'
};

/** The link to accept, as shown once to the person who invited. */
export const invitationLink = (baseUrl: string, token: string) => `${baseUrl}/einladung/${token}`;

/** The mailed link is `<token>.<secret>`; the shown one is `<token>` alone. */
export const SECRET_SEPARATOR = '.';

export function splitLink(link: string): { token: string; secret: string | null } {
	const at = link.indexOf(SECRET_SEPARATOR);
	return at < 0 ? { token: link, secret: null } : { token: link.slice(0, at), secret: link.slice(at + 1) };
}

export function secretMatches(stored: string | null, secret: string | null): boolean {
	if (!stored || !secret) return false;
	const a = Buffer.from(stored, 'hex');
	const b = Buffer.from(hashToken(secret), 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}
