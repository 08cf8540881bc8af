import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError } from '../errors';
import { requireMailHost, withMailGate } from '../mail/mail-host';
import { contextFor, type Access, type ContextFor } from './context';
import { setSessionCookie } from './cookies';
import { attachment, type DownloadFile } from './download';
import { actionFailure, apiFailure, downloadError, pageError } from './failures';
import { schemaReader, type FormFailure, type FormReading } from './forms';

/*
 * The route adapter. Every route is one line per load, action or API method:
 *   load    = (event) => loadPage(event, 'results.read', (ctx) => getThing(ctx, event.params.id))
 *   actions = { save: (event) => runAction(event, { access, form: schema, run, redirect }) }
 *   GET     = (event) => runApi(event, 'results.read', async (ctx) => json(…))
 *   GET     = (event) => runDownload(event, 'results.read', (ctx) => someFile(ctx, …))
 * The adapter builds the request context, checks the permission, reads and validates the form,
 * and maps every AppError once: error page, form failure with the typed values kept, or the API's
 * JSON error document.
 */

type Event = RequestEvent;

/** A page's data, or the error page with the AppError's status and German message. */
export async function loadPage<A extends Access, T>(event: Event, access: A, work: (ctx: ContextFor<A>) => Promise<T> | T): Promise<T> {
	try {
		return await work(contextFor(event, access));
	} catch (cause) {
		pageError(cause);
	}
}

export interface ActionSpec<A extends Access, I, R, M extends Record<string, unknown> = Record<never, never>> {
	access: A;
	/** A zod schema for flat forms, or a reader for forms that need more than field-by-field parsing. */
	form?: z.ZodType<I> | ((form: FormData, ctx: ContextFor<A>) => FormReading<I> | Promise<FormReading<I>>);
	/** Checkbox groups (repeated fields) when `form` is a schema. */
	arrays?: readonly string[];
	/** Use-case detail paths → the form fields showing them, when `form` is a schema. */
	renames?: Record<string, string>;
	run: (ctx: ContextFor<A>, input: I) => Promise<R> | R;
	/** Where to go after success (303); without it the action returns `run`'s result to the page. */
	redirect?: (result: R, input: I) => string;
	/**
	 * The action may send mail (also to others, e.g. a seat offer to the waiting list): under a Host
	 * that is not the configured address it is refused before the form is read or anything written.
	 */
	sendsMail?: boolean;
	/**
	 * Added to every failed answer, e.g. `{ sessionForm: true }` on pages with several forms, so each
	 * form shows its own problems next to it.
	 */
	failure?: M;
}

const UNREADABLE: FormFailure = { errors: {}, message: 'Das Formular konnte nicht gelesen werden. Bitte laden Sie die Seite neu.', values: {} };

function isSchema<I>(form: object): form is z.ZodType<I> {
	return typeof (form as z.ZodType<I>).safeParse === 'function';
}

/** A form action: permission, form, use case, then a redirect or the result — refusals become `fail()` with the form echoed. */
export async function runAction<A extends Access, I = undefined, R = unknown, M extends Record<string, unknown> = Record<never, never>>(
	event: Event,
	spec: ActionSpec<A, I, R, M>
): Promise<R | ActionFailure<FormFailure & M>> {
	const failed = (status: number, data: FormFailure) => fail(status, { ...data, ...(spec.failure as M) });
	let reading: FormReading<I> = { input: undefined as I, errors: {}, values: {}, fieldFor: (path) => path };
	let target: string | undefined;
	let result: R;
	let ctx: ContextFor<A>;
	try {
		ctx = contextFor(event, spec.access);
	} catch (cause) {
		pageError(cause);
	}
	try {
		if (spec.sendsMail) requireMailHost(ctx);
		if (spec.form) {
			let form: FormData;
			try {
				form = await event.request.formData();
			} catch {
				return failed(400, UNREADABLE);
			}
			const read = isSchema<I>(spec.form) ? schemaReader(spec.form, { arrays: spec.arrays, renames: spec.renames }) : spec.form;
			reading = await read(form, ctx);
			if (Object.keys(reading.errors).length) return failed(422, { errors: reading.errors, values: reading.values });
		}
		result = await withMailGate(ctx.mailHostAccepted, () => spec.run(ctx, reading.input));
		target = spec.redirect?.(result, reading.input);
	} catch (cause) {
		const refusal = actionFailure(cause, reading);
		return failed(refusal.status, refusal.data);
	}
	if (target) redirect(303, target);
	return result;
}

/**
 * The common action in one line — permission, form, use case: `save: formAction('org.manage',
 * schema, (ctx, input, { params }) => saveThing(ctx, params.id, input))`. `more` takes the rest of
 * the spec (redirect — also handed the event —, sendsMail, arrays, renames, failure); the same as
 * `runAction` otherwise.
 */
export function formAction<E extends Event, A extends Access, I, R, M extends Record<string, unknown> = Record<never, never>>(
	access: A,
	form: NonNullable<ActionSpec<A, I, R, M>['form']>,
	run: (ctx: ContextFor<A>, input: I, event: E) => Promise<R> | R,
	more: Omit<ActionSpec<A, I, R, M>, 'access' | 'form' | 'run' | 'redirect'> & { redirect?: (result: R, input: I, event: E) => string } = {}
): (event: E) => Promise<R | ActionFailure<FormFailure & M>> {
	const { redirect: target, ...rest } = more;
	return (event) => runAction(event, { ...rest, access, form, run: (ctx, input) => run(ctx, input, event), redirect: target && ((result, input) => target(result, input, event)) });
}

/**
 * A public form that signs the person in (sign-in, setting up the instance, accepting an
 * invitation): `run` returns the new session, or null when none was started, and its cookie is set
 * before the redirect.
 */
export function runSignIn<I>(
	event: Event,
	spec: { form: NonNullable<ActionSpec<'public', I, unknown>['form']>; run: (ctx: ContextFor<'public'>, input: I) => Promise<{ token: string; expiresAt: Date } | null>; redirect: () => string }
) {
	return runAction(event, {
		access: 'public',
		form: spec.form,
		run: async (ctx, input: I) => {
			const session = await spec.run(ctx, input);
			if (session) setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
		},
		redirect: spec.redirect
	});
}

/**
 * An /api/v1 handler: the token's organisation (401 without a token), every refusal as the JSON
 * error document. `sendsMail` as for actions: refused under a foreign Host before anything happens.
 */
export async function runApi<A extends Access>(event: Event, access: A, work: (ctx: ContextFor<A>) => Promise<Response> | Response, options: { sendsMail?: boolean } = {}): Promise<Response> {
	try {
		if (access !== 'public' && !event.locals.actor) throw new AppError('unauthorized', 'Bitte senden Sie einen API-Schlüssel im Header „Authorization: Bearer …“.');
		const ctx = contextFor(event, access);
		if (options.sendsMail) requireMailHost(ctx);
		return await withMailGate(ctx.mailHostAccepted, () => work(ctx));
	} catch (cause) {
		return apiFailure(cause, event.locals.requestId);
	}
}

/** A file download: permission refusals as the error page, a refused file as plain text with its status. */
export async function runDownload<A extends Access>(event: Event, access: A, work: (ctx: ContextFor<A>) => Promise<DownloadFile>): Promise<Response> {
	let ctx: ContextFor<A>;
	try {
		ctx = contextFor(event, access);
	} catch (cause) {
		pageError(cause);
	}
	try {
		return attachment(await work(ctx));
	} catch (cause) {
		return downloadError(cause);
	}
}
