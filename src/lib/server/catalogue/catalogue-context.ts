import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import type { TenantContext } from '../tenant';
import type { CatalogueEnv } from './locked-session';

/*
 * The contexts of the catalogue's page use cases (get-*.ts). A request's context is each of them
 * as it is (its configured base URL and request time are the CatalogueEnv).
 */

/**
 * The organiser area (/app/katalog), for the role that opens it: organisers manage (`mayManage`),
 * facilitators see their sessions and who comes.
 */
export type Organiser = TenantContext & CatalogueEnv;

/**
 * The public pages and downloads — the catalogue, a module, a session's registration page, a
 * personal registration link, a certificate's verification — for anybody, without an account.
 * Only what a visitor may see leaves their use cases (no other registrations, no addresses).
 */
export type Visitor = { db: Db } & CatalogueEnv;

/** A visitor who may be signed in: the API shows drafts to the module's own organisation. */
export type Reader = Visitor & { actor: Actor | null };
