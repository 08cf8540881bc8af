import type { RequestEvent } from '@sveltejs/kit';
import type { Locale } from '../../i18n';
import type { Actor, Membership, Permission } from '../auth/actor';
import { getDatabase, type Db } from '../db/client';
import { tenantFor } from '../tenant';
import { configuredBaseUrl } from './base-url';

/**
 * Everything a use case may know about the request it serves — and nothing else: no URL, no
 * headers, no cookies. Links in mails and hand-outs use `baseUrl`, which comes from configuration
 * only (never from the request's Host header).
 */
export interface RequestContext {
	db: Db;
	actor: Actor | null;
	baseUrl: string;
	clientAddress: string;
	now: Date;
	locale: Locale;
	requestId: string;
}

/** A request acting inside one organisation with a permission checked (the TenantContext of use cases). */
export interface OrgContext extends RequestContext {
	actor: Actor;
	org: Membership;
}

/** 'public' for pages and endpoints anybody may use (participants, registrants, the public catalogue). */
export type Access = Permission | 'public';
export type ContextFor<A extends Access> = A extends 'public' ? RequestContext : OrgContext;

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
	const { actor, org } = tenantFor(db, event.locals.actor, access as Permission);
	return { ...base, actor, org } as ContextFor<A>;
}
