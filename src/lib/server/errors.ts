/** Stable codes of the API's error documents; each maps to exactly one HTTP status. */
export const errorStatus = {
	bad_request: 400,
	unauthorized: 401,
	forbidden: 403,
	not_found: 404,
	method_not_allowed: 405,
	conflict: 409,
	gone: 410,
	payload_too_large: 413,
	validation_failed: 422,
	rate_limited: 429,
	unavailable: 503
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
	path?: string;
	line?: number;
	column?: string;
	message: string;
}

export class AppError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly details: ErrorDetail[] = [],
		readonly retryAfterSeconds?: number
	) {
		super(message);
		this.name = 'AppError';
	}

	get status(): number {
		return errorStatus[this.code];
	}
}

export function toErrorDetails(issues: { path: PropertyKey[]; message: string }[]): ErrorDetail[] {
	return issues.map((issue) => ({
		path: issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join(''),
		message: issue.message
	}));
}
