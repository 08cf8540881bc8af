import type { RequestEvent } from '@sveltejs/kit';
import type { Permission } from '../auth/actor';
import type { AccountContext, OrgContext, RequestContext } from '../context';
import { getDatabase } from '../db/client';
import { AppError } from '../errors';
import { tenantFor } from '../tenant';
import { configuredBaseUrl } from './base-url';

/**
 * 'public' for pages and endpoints anybody may use (participants, registrants, the public
 * catalogue); 'account' for a signed-in person's own things; a permission for organisation work.
 */
export type Access = Permission | 'public' | 'account';
export type ContextFor<A extends Access> = A extends 'public' ? RequestContext : A extends 'account' ? AccountContext : OrgContext;

type ContextEvent = Pick<RequestEvent, 'locals' | 'getClientAddress'>;

export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** The request's context; for a permission, the organisation from session or token with the role checked (AppError otherwise). */
export function contextFor<A extends Access>(event: ContextEvent, access: A): ContextFor<A> {
	const db = getDatabase();
	const base: RequestContext = {
		db,
		actor: event.locals.actor,
		baseUrl: configuredBaseUrl(),
		clientAddress: clientAddress(event),
		now: new Date(),
		locale: event.locals.locale,
		requestId: event.locals.requestId
	};
	if (access === 'public') return base as ContextFor<A>;
	if (access === 'account') {
		if (!event.locals.actor) throw new AppError('unauthorized', 'Bitte melden Sie sich an.');
		return base as ContextFor<A>;
	}
	const { actor, org } = tenantFor(db, event.locals.actor, access as Permission);
	return { ...base, actor, org } as ContextFor<A>;
}
