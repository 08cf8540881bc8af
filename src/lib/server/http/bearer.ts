/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(request: Request): string | null {
	const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
	return match ? match[1] : null;
}

/**
 * Werkstatt participant endpoints (/api/v1/w/{code}/…) take the participant's token as bearer —
 * not an API key: the authentication hook leaves it alone and the use case resolves it.
 */
export function carriesParticipantToken(pathname: string): boolean {
	return pathname.startsWith('/api/v1/w/');
}
