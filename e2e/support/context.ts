/**
 * What global-setup hands to the test files (via `project.provide` / `inject('e2e')`).
 */
import { inject } from 'vitest';

export const ROLES = ['owner', 'organiser', 'facilitator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
	email: string;
	password: string;
	name: string;
}

export interface E2eContext {
	demo: {
		url: string;
		orgName: string;
		/** One account per role in the demo organisation; `owner` is the demo account from the first start. */
		accounts: Record<Role, Account>;
		/** Owner of a second organisation on the same instance. */
		otherOrg: Account & { orgName: string };
	};
	/** The JSON-lines file of every mail the demo server sent (its SMTP is the test mailbox; see support/mailbox.ts). */
	mailbox: string;
	/** Servers started with STADTWISSEN_DEMO=0 and no user: one per viewport width, setup runs once each. */
	setupUrls: Record<string, string>;
	/** The app snapshot the servers run from, for a test file that needs a server of its own (support/servers.ts `startServer`). */
	appDir: string;
}

declare module 'vitest' {
	export interface ProvidedContext {
		e2e: E2eContext;
	}
}

export function e2eContext(): E2eContext {
	return inject('e2e');
}

/** The demo organisation's slug: slugify('Stadt Altenburg (Demo)'), in its public addresses (/o/<slug>/…, the thank-you page's `o`). */
export const DEMO_SLUG = 'stadt-altenburg-demo';

/** The UI's German role labels (de.ts `role.*`). */
export const ROLE_LABELS_DE: Record<Role, string> = {
	owner: 'Inhaber*in',
	organiser: 'Organisator*in',
	facilitator: 'Referent*in',
	viewer: 'Lesende*r'
};
