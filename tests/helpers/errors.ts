import { expect } from 'vitest';
import { AppError } from '../../src/lib/server/errors';

/** Awaits a use case that must fail and returns its AppError (failing the test otherwise). */
export async function rejected(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}
