/**
 * The vocabulary of the authorization table (see ../authorization.e2e.ts): actors, outcomes,
 * rows and the fixtures rows may use. Row groups live beside this file, one per capability
 * (`*.rows.ts`), each exporting `rows` and, when it needs objects of its own, `prepare`.
 */
import { expect } from 'vitest';
import { e2eContext, ROLES, type Account } from '../support/context';
import { apiJson } from '../support/http';

export const { demo } = e2eContext();
export const BASE = demo.url;
export const ORIGIN = new URL(BASE).origin;

export const ACTORS = ['anonymous', 'otherOrg', ...ROLES] as const;
export type Actor = (typeof ACTORS)[number];
export const ACCOUNTS: Record<Exclude<Actor, 'anonymous'>, Account> = { ...demo.accounts, otherOrg: demo.otherOrg };

/** 200, 403, … or a 303 redirect to exactly this Location. */
export type Outcome = number | { redirect: string };
/**
 * A redirect to this Location. It may name fixtures created at run time as `:name` (a key of
 * `Fixtures.ids`, or `frameworkId`), also inside an encoded `weiter=` parameter.
 */
export const to = (location: string): Outcome => ({ redirect: location });
/** What /app/* does for nobody signed in: to the login, which returns to the page afterwards. */
export const toLogin = (from: string): Outcome => to(`/anmelden?weiter=${encodeURIComponent(from)}`);
export const everyone = (outcome: Outcome): Record<Actor, Outcome> => Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<Actor, Outcome>;
export const signedIn = (anonymous: Outcome, outcome: Outcome): Record<Actor, Outcome> => ({ ...everyone(outcome), anonymous });
/** Members of the demo organisation by role; nobody and the other organisation's owner apart. */
export const byRole = (anonymous: Outcome, otherOrg: Outcome, owner: Outcome, organiser: Outcome, facilitator: Outcome, viewer: Outcome): Record<Actor, Outcome> => ({
	anonymous,
	otherOrg,
	owner,
	organiser,
	facilitator,
	viewer
});

export interface Fixtures {
	/** Session cookie per actor (none for anonymous). */
	session: Partial<Record<Actor, string>>;
	/** API token per actor (none for anonymous). */
	token: Partial<Record<Actor, string>>;
	/** A new session, for requests that end theirs. */
	freshSession(actor: Actor): Promise<string | undefined>;
	otherSlug: string;
	otherOrgId: string;
	organiserUserId: string;
	/** A new token of the demo owner: what another user's revoke request aims at. */
	newOwnerToken(): Promise<{ token: string; id: string }>;
	/** The framework shipped with Stadtwissen, readable by every organisation. */
	shippedFrameworkId: string;
	/** A framework of the demo organisation (a copy of the shipped one, unpublished). */
	frameworkId: string;
	/** Objects the row groups' `prepare` created (study ids, module ids, links …), by name. */
	ids: Record<string, string>;
}

export interface Context {
	actor: Actor;
	f: Fixtures;
	response: Response;
	text: string;
	/** Whatever `form` or `json` prepared for this request. */
	sent: Record<string, unknown>;
	/** The session cookie the request carried. */
	cookie?: string;
}

export interface Row {
	/** The route as its directory under src/routes, e.g. "/einladung/[token]" ("/" for the root). */
	route: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** The concrete path requested; form actions as "?/name". Like redirects, it may name fixtures as `:name`. */
	path: string | ((f: Fixtures) => string);
	/** Session cookie (pages, forms) or bearer token (API). */
	auth: 'session' | 'token';
	/** Form fields (urlencoded). Called once per actor, so it may create what the request consumes. */
	form?: (f: Fixtures, actor: Actor) => Record<string, string> | Promise<Record<string, string>>;
	/** A JSON body instead of form fields. */
	json?: (f: Fixtures, actor: Actor) => Record<string, unknown> | Promise<Record<string, unknown>>;
	/** Extra request headers (e.g. Idempotency-Key). */
	headers?: (f: Fixtures, actor: Actor) => Record<string, string>;
	/** The request ends the session: use a fresh one. */
	freshSession?: boolean;
	expect: Record<Actor, Outcome>;
	/** Further assertions about what the actor got (or did not get). */
	check?: (c: Context) => void | Promise<void>;
}

/** A capability's rows, and what they need created before they run (filled into `f.ids`). */
export interface RowGroup {
	rows: Row[];
	prepare?: (f: Fixtures) => Promise<void>;
	/** Routes of this capability without rows yet: a debt, see "the table covers every route". */
	pending?: string[];
	/** Routes with rows, but some form actions or methods still without. */
	incomplete?: string[];
}

/** What a 403 page says to a member whose role may not do this. */
export const FORBIDDEN = 'Ihre Rolle erlaubt das nicht.';

/** `apiJson` against the table's server. */
export const api = <T = Record<string, unknown>>(token: string | undefined, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) =>
	apiJson<T>(BASE, token, method, path, body, headers);

export const BOGUS_TOKEN = 'kein-gueltiges-token-0123456789abcdefghijklmn';
/** slugify('Stadt Altenburg (Demo)'); checked against the API in beforeAll. */
export const DEMO_SLUG = 'stadt-altenburg-demo';
export const DEMO_MEMBER_EMAILS = Object.values(demo.accounts).map((a) => a.email);
let counter = 0;
/** Lower case: the app stores and shows addresses lower-cased. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}@e2e.example`.toLowerCase();

/** The demo organisation's name and the actor's role label, and nothing of the other organisation (or vice versa). */
export function expectOwnOrganisationOnly({ actor, text }: Context): void {
	if (actor === 'anonymous') return;
	const [own, foreign] = actor === 'otherOrg' ? [demo.otherOrg.orgName, demo.orgName] : [demo.orgName, demo.otherOrg.orgName];
	expect(text).toContain(own);
	expect(text).not.toContain(foreign);
}

export async function json(c: Context): Promise<Record<string, unknown>> {
	expect(c.response.headers.get('content-type')).toContain('application/json');
	return JSON.parse(c.text) as Record<string, unknown>;
}

/** The JSON error document of /api/v1 with this code. */
export async function expectApiError(c: Context, code: string): Promise<void> {
	expect(await json(c)).toMatchObject({ error: { code, message: expect.any(String) } });
}
