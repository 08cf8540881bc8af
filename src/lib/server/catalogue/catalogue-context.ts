import type { Actor } from '../auth/actor';
import type { RequestContext } from '../context';
import type { TenantContext } from '../tenant';

/*
 * The contexts of the catalogue's use cases. A request's context (and the system context of the
 * background jobs, `systemContext`) is each of them as it is.
 */

/**
 * The public pages and downloads — the catalogue, a module, a session's registration page, a
 * personal registration link, a certificate's verification — for anybody, without an account.
 * Only what a visitor may see leaves their use cases (no other registrations, no addresses).
 * `baseUrl` makes the links in mails, `now` is the time (tests pass their own to travel in time),
 * and without `mailHostAccepted` nothing that mails happens (a request naming a foreign Host).
 */
export type Visitor = Pick<RequestContext, 'db' | 'baseUrl' | 'now' | 'mailHostAccepted'>;

/**
 * The organiser area (/app/katalog), for the role that opens it: organisers manage (`mayManage`),
 * facilitators see their sessions and who comes.
 */
export type Organiser = TenantContext & Visitor;

/** A visitor who may be signed in: the API shows drafts to the module's own organisation. */
export type Reader = Visitor & { actor: Actor | null };
