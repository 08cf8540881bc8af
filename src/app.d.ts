// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n';
import type { Actor } from '$lib/server/auth/actor';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			actor: Actor | null;
			requestId: string;
			/** Shared by the action and the load of one request (see RequestContext.requestScope). */
			requestScope?: Map<string, unknown>;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
