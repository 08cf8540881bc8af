import type { IncomingMessage } from 'node:http';
import type { RequestEvent } from '@sveltejs/kit';
import type { Permission } from '../auth/actor';
import type { AccountContext, OrgContext, RequestContext } from '../context';
import { getDatabase } from '../db/client';
import { AppError } from '../errors';
import { tenantFor } from '../tenant';
import { configuredBaseUrl, mailHostAccepted } from './base-url';
import { clientAddressOf, configuredProxy } from './client-address';

/**
 * 'public' for pages and endpoints anybody may use (participants, registrants, the public
 * catalogue); 'account' for a signed-in person's own things; a permission for organisation work.
 */
export type Access = Permission | 'public' | 'account';
export type ContextFor<A extends Access> = A extends 'public' ? RequestContext : A extends 'account' ? AccountContext : OrgContext;

type ContextEvent = Pick<RequestEvent, 'locals' | 'getClientAddress'> & Partial<Pick<RequestEvent, 'request' | 'platform'>>;

/** The socket's address: adapter-node hands us its request as `platform.req`; the dev server answers getClientAddress from the socket. */
function socketAddress(event: Pick<RequestEvent, 'getClientAddress'> & Partial<Pick<RequestEvent, 'platform'>>): string | undefined {
	const platform = event.platform as { req?: IncomingMessage } | undefined;
	if (platform?.req) return platform.req.socket?.remoteAddress;
	try {
		return event.getClientAddress();
	} catch {
		return undefined;
	}
}

/** The client's address, from the trusted proxy's header when ADDRESS_HEADER is configured (see `clientAddressOf`). */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'> & Partial<Pick<RequestEvent, 'request' | 'platform'>>): string {
	return clientAddressOf({ header: (name) => event.request?.headers.get(name) ?? null, socketAddress: socketAddress(event) }, configuredProxy());
}

/** The request's context; for a permission, the organisation from session or token with the role checked (AppError otherwise). */
export function contextFor<A extends Access>(event: ContextEvent, access: A): ContextFor<A> {
	const db = getDatabase();
	const base: Omit<RequestContext, 'mailHostAccepted'> = {
		db,
		actor: event.locals.actor,
		baseUrl: configuredBaseUrl(),
		clientAddress: clientAddress(event),
		now: new Date(),
		locale: event.locals.locale,
		requestId: event.locals.requestId,
		requestScope: (event.locals.requestScope ??= new Map())
	};
	if (access === 'public') return withMailHostCheck(base, event) as ContextFor<A>;
	if (access === 'account') {
		if (!event.locals.actor) throw new AppError('unauthorized', 'Bitte melden Sie sich an.');
		return withMailHostCheck(base, event) as ContextFor<A>;
	}
	const { actor, org } = tenantFor(db, event.locals.actor, access as Permission);
	return withMailHostCheck({ ...base, actor, org }, event) as ContextFor<A>;
}

/** `mailHostAccepted`, worked out the first time a use case asks (most requests send no mail). */
function withMailHostCheck<C extends object>(ctx: C, event: ContextEvent): C & Pick<RequestContext, 'mailHostAccepted'> {
	let accepted: boolean | undefined;
	return Object.defineProperty(ctx, 'mailHostAccepted', {
		enumerable: true,
		// Without a request (nothing from outside) there is no Host to distrust.
		get: () => (accepted ??= event.request ? mailHostAccepted(event.request.headers.get('host')) : true)
	}) as C & Pick<RequestContext, 'mailHostAccepted'>;
}
