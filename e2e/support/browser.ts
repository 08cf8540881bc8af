/**
 * Page-object layer for the browser journeys: one Chromium per test file, one BrowserSession
 * (context + page) per journey. Every page the session lands on is checked with axe; `close()`
 * fails the journey if a page was visited without a check, or if the page threw or violated the CSP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { checkA11y } from './a11y';
import { checkReflow } from './reflow';
import { REPO_ROOT } from './servers';
import { VIEWPORTS, type Width } from './widths';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'e2e/screenshots');

/** A journey visits up to ~15 pages with an axe run each (1–5 s on a busy 2-core machine). */
export const JOURNEY_TIMEOUT = 240_000;

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Launches Chromium once for the test file; call at the top level of the file. */
export function useBrowser(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('useBrowser(): Chromium is not running (called outside a test?)');
		return browser;
	};
}

export interface SessionOptions {
	baseUrl: string;
	width: Width;
	javaScriptEnabled?: boolean;
	/** Browser language; German municipal offices run German browsers. */
	locale?: string;
}

export interface PageExpectation {
	/** Path (with search) the page must end up on: exact string, or a pattern. */
	path?: string | RegExp;
	/** Text of the page's <h1>. */
	heading?: string | RegExp;
	/** Saves e2e/screenshots/<name>-<width>.png. */
	screenshot?: string;
}

function pathOf(url: string): string {
	const parsed = new URL(url);
	return parsed.pathname + parsed.search;
}

export class BrowserSession {
	/** Main-frame documents and client-side navigations, in order, with whether axe ran on them. */
	private readonly visited: { path: string; checked: boolean }[] = [];
	private readonly problems: string[] = [];
	private readonly a11yFailures: string[] = [];

	/** Status of the last main-frame document response (after redirects). */
	private lastStatus: number | null = null;
	private lastResponse: Response | null = null;
	private axeHelper: Page | null = null;

	private constructor(
		readonly context: BrowserContext,
		readonly page: Page,
		readonly options: Required<SessionOptions>
	) {
		// A changed path is a new page (client-side navigations included); hydration's
		// replaceState on the same path is not. A new document on the same path (a form
		// re-rendered with errors) is a new page too.
		// Only our own pages: another origin (an identity provider's login page in the single sign-on
		// journey) is not Stadtwissen's to check.
		const ours = (url: string) => URL.canParse(url) && new URL(url).origin === new URL(options.baseUrl).origin;
		page.on('framenavigated', (frame) => {
			if (frame !== page.mainFrame() || !ours(frame.url())) return;
			const here = pathOf(frame.url());
			if (this.visited.at(-1)?.path !== here) this.visited.push({ path: here, checked: false });
		});
		page.on('domcontentloaded', () => {
			if (!ours(page.url())) return;
			const last = this.visited.at(-1);
			if (!(last && last.path === this.path && !last.checked)) this.visited.push({ path: this.path, checked: false });
		});
		page.on('response', (response) => {
			if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
				this.lastStatus = response.status();
				this.lastResponse = response;
			}
		});
		page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error' && /Content Security Policy|hydrat/i.test(message.text())) this.problems.push(`console: ${message.text()}`);
		});
	}

	static async open(browser: Browser, options: SessionOptions): Promise<BrowserSession> {
		const full: Required<SessionOptions> = { javaScriptEnabled: true, locale: 'de-DE', ...options };
		const context = await browser.newContext({
			baseURL: full.baseUrl,
			viewport: VIEWPORTS[full.width],
			javaScriptEnabled: full.javaScriptEnabled,
			locale: full.locale
		});
		context.setDefaultTimeout(30_000);
		return new BrowserSession(context, await context.newPage(), full);
	}

	get width(): Width {
		return this.options.width;
	}

	/** The current path with search, e.g. "/anmelden?weiter=%2Fapp". */
	get path(): string {
		return pathOf(this.page.url());
	}

	/** Opens a URL like a user typing it; asserts the HTTP status of the final document. */
	async visit(target: string, expectation: PageExpectation & { status?: number } = {}): Promise<Response | null> {
		const response = await this.page.goto(target);
		expect(response?.status(), `HTTP status of ${target}`).toBe(expectation.status ?? 200);
		await this.arrived(expectation);
		return response;
	}

	/** Follows a link (client-side navigation when JavaScript runs, a page load otherwise). */
	async follow(link: Locator, expectation: PageExpectation): Promise<void> {
		await link.click();
		await this.arrived(expectation);
	}

	/**
	 * Submits a form with a click on its button, waits for the server's answer to load and
	 * asserts its HTTP status (after redirects; default 200).
	 */
	async submit(button: Locator, expectation: PageExpectation & { status?: number } = {}): Promise<void> {
		const loaded = this.page.waitForEvent('load');
		await button.click();
		await loaded;
		const status = this.lastStatus;
		if (status !== (expectation.status ?? 200)) {
			const body = ((await this.lastResponse?.text().catch(() => '')) ?? '').replace(/\s+/g, ' ').slice(0, 400);
			expect.fail(`submitting the form led to ${this.path} with HTTP ${status}, expected ${expectation.status ?? 200}. Answer: ${body}`);
		}
		await this.arrived(expectation);
	}

	/** Waits until the page matches, runs axe on it and takes the screenshot. */
	async arrived(expectation: PageExpectation = {}): Promise<void> {
		if (expectation.path !== undefined) {
			const wanted = expectation.path;
			await this.page.waitForURL((url) => (typeof wanted === 'string' ? pathOf(url.href) === wanted : wanted.test(pathOf(url.href))));
		}
		if (expectation.heading !== undefined) {
			await this.page.locator('h1').filter({ hasText: expectation.heading }).first().waitFor();
		}
		await this.page.waitForLoadState('load');
		await this.checkA11y();
		if (expectation.screenshot) await this.screenshot(expectation.screenshot);
	}

	/**
	 * axe (WCAG 2.1 A/AA) and reflow (no sideways scrolling) on the current page. Violations are
	 * collected and fail the journey in close(), so one journey reports every page's problems and
	 * still checks the behaviour after a page with a violation.
	 */
	async checkA11y(): Promise<void> {
		const checks = this.options.javaScriptEnabled ? [() => checkA11y(this.page), () => checkReflow(this.page)] : [() => this.checkA11yWithoutJavaScript()];
		for (const check of checks) {
			try {
				await check();
			} catch (error) {
				// The same problem on the same page (e.g. re-rendered after a form post) is reported once.
				const message = (error as Error).message.replaceAll(this.page.url(), this.page.url().replace(/\?.*$/, ''));
				if (!this.a11yFailures.includes(message)) this.a11yFailures.push(message);
			}
		}
		const current = this.visited.at(-1);
		if (current && current.path === this.path) current.checked = true;
	}

	/**
	 * axe needs JavaScript in the page. Without it, the page's DOM is served again to a helper page
	 * (same URL, viewport and stylesheets; every script removed) and checked there.
	 */
	private async checkA11yWithoutJavaScript(): Promise<void> {
		const url = this.page.url();
		const html = (await this.page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
		if (!this.axeHelper) {
			const helperContext = await this.context.browser()!.newContext({ viewport: VIEWPORTS[this.width], locale: this.options.locale });
			this.axeHelper = await helperContext.newPage();
		}
		const helper = this.axeHelper;
		await helper.route('**/*', (route) => {
			const request = route.request();
			if (request.isNavigationRequest()) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
			if (request.resourceType() === 'script') return route.abort();
			return route.continue();
		});
		try {
			await helper.goto(url);
			const failures: string[] = [];
			for (const check of [checkA11y, checkReflow]) await check(helper).catch((error: Error) => failures.push(`[without JavaScript] ${error.message}`));
			if (failures.length) throw new Error(failures.join('\n'));
		} finally {
			await helper.unrouteAll();
		}
	}

	async screenshot(name: string): Promise<void> {
		fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
		await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${this.width}.png`), fullPage: true });
	}

	/** `<html lang>` of the current document. */
	lang(): Promise<string | null> {
		return this.page.locator('html').getAttribute('lang');
	}

	heading(): Locator {
		return this.page.locator('h1');
	}

	/** A form field by its visible label. */
	field(label: string | RegExp): Locator {
		return this.page.getByLabel(label, { exact: typeof label === 'string' });
	}

	button(name: string | RegExp): Locator {
		return this.page.getByRole('button', { name, exact: typeof name === 'string' });
	}

	link(name: string | RegExp): Locator {
		return this.page.getByRole('link', { name, exact: typeof name === 'string' });
	}

	/** The accessibility problems found so far, or '' if none. */
	a11yReport(): string {
		return this.a11yFailures.length ? `Accessibility problems at ${this.width} px:\n${this.a11yFailures.join('\n')}` : '';
	}

	async dispose(): Promise<void> {
		await this.axeHelper?.context().close();
		await this.context.close();
	}

	/** Closes the context; fails if a visited page escaped the axe check or the page reported errors. */
	async close(): Promise<void> {
		const unchecked = this.visited.filter((v) => !v.checked).map((v) => v.path);
		await this.dispose();
		expect(unchecked, 'pages visited without an axe check').toEqual([]);
		const report = this.a11yReport();
		if (report) expect.fail(report);
		expect(this.problems, 'errors reported by the page').toEqual([]);
	}
}

/**
 * Runs one journey in a fresh browser context. After a passing body the session's own checks run
 * (every page axe-checked, no page errors); after a failing body the context is just closed, so
 * the first failure is the one reported.
 */
export async function journey(browser: Browser, options: SessionOptions, body: (session: BrowserSession) => Promise<void>): Promise<void> {
	const session = await BrowserSession.open(browser, options);
	try {
		await body(session);
	} catch (error) {
		await session.dispose().catch(() => undefined);
		const report = session.a11yReport();
		if (report && error instanceof Error) error.message += `\n\n${report}`;
		throw error;
	}
	await session.close();
}
