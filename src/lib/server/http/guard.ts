import { error } from '@sveltejs/kit';
import type { Permission } from '../auth/actor';
import { getDatabase } from '../db/client';
import { AppError } from '../errors';
import { tenantFor, type TenantContext } from '../tenant';

/** For pages and form actions: the tenant context, or SvelteKit's error page with the right status. */
export function requireTenant(locals: App.Locals, permission: Permission): TenantContext {
	try {
		return tenantFor(getDatabase(), locals.actor, permission);
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
}

/** For pages: a use case's result, or SvelteKit's error page with the AppError's status and message. */
export async function orPageError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
}
