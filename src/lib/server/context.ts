import type { Locale } from '../i18n';
import type { Actor, Membership } from './auth/actor';
import type { Db } from './db/client';

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
	/**
	 * Whether this request may make Stadtwissen send mail: ORIGIN is configured, or the request's
	 * Host is the listen address (`mailHostAccepted`). Use cases that send mail call `requireMailHost`.
	 */
	mailHostAccepted: boolean;
	now: Date;
	locale: Locale;
	requestId: string;
	/**
	 * What one request's use cases share (a form POST runs the action, then the load of the same
	 * page): e.g. the opened questionnaire, so a page POST reads it from the database once. Absent
	 * outside HTTP requests.
	 */
	requestScope?: Map<string, unknown>;
}

/** A request acting inside one organisation with a permission checked (the TenantContext of use cases). */
export interface OrgContext extends RequestContext {
	actor: Actor;
	org: Membership;
}

/** A signed-in person, with or without an organisation (their own account page). */
export interface AccountContext extends RequestContext {
	actor: Actor;
}


/**
 * The context of work nobody requested — the background jobs (waiting lists, retention) and the
 * CLI: nobody signed in, no network address, and mail allowed (there is no Host to distrust).
 * `baseUrl` is the configured public address; `now` is when the work runs.
 */
export function systemContext(db: Db, baseUrl: string, now: Date = new Date()): RequestContext {
	return { db, actor: null, baseUrl, clientAddress: '', mailHostAccepted: true, now, locale: 'de', requestId: 'system' };
}
