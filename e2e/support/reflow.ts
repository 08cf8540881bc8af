import type { Page } from 'playwright-core';

/**
 * WCAG 1.4.10 Reflow (AA; axe does not test it): at the page's width nothing may need horizontal
 * scrolling. Fails with the elements and text that stick out, including absolutely positioned
 * ones that escape a scrolling container.
 */
export async function checkReflow(page: Page): Promise<void> {
	// Runners that compile with esbuild's keepNames (tsx) wrap the functions below in __name().
	await page.evaluate('globalThis.__name ??= (f) => f');
	const result = await page.evaluate(() => {
		const viewport = document.documentElement.clientWidth;
		const scrollWidth = document.documentElement.scrollWidth;
		if (scrollWidth <= viewport) return null;
		const describe = (e: Element) => {
			const classes = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '';
			return `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${classes}>`;
		};
		/** Whether a scrolling/clipping ancestor contains the element (position:absolute escapes one that is not its containing block). */
		const contained = (e: Element, includingItself = false) => {
			const absolute = getComputedStyle(e).position === 'absolute';
			for (let p = includingItself ? e : e.parentElement; p && p !== document.body; p = p.parentElement) {
				const style = getComputedStyle(p);
				if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && (!absolute || style.position !== 'static')) return true;
			}
			return false;
		};
		// Grouped by kind of element, with one example text each.
		const culprits = new Map<string, { count: number; example: string }>();
		const note = (what: string, right: number, text: string) => {
			const key = `${what} reaches x=${Math.round(right)}`;
			const seen = culprits.get(key);
			if (seen) seen.count++;
			else culprits.set(key, { count: 1, example: text.trim().slice(0, 50) });
		};
		for (const e of document.querySelectorAll('body *')) {
			const right = e.getBoundingClientRect().right;
			if (right > viewport + 0.5 && !contained(e)) note(describe(e), right, e.textContent ?? '');
		}
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (!node.textContent?.trim() || !node.parentElement) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			const right = range.getBoundingClientRect().right;
			// Text is clipped by its own element too (e.g. a visually hidden label).
			if (right > viewport + 0.5 && !contained(node.parentElement, true)) note(`text in ${describe(node.parentElement)}`, right, node.textContent);
		}
		const lines = [...culprits].slice(0, 6).map(([key, { count, example }]) => `${key}${count > 1 ? ` (${count}×)` : ''}, e.g. "${example}"`);
		return { viewport, scrollWidth, culprits: lines };
	});
	if (result) {
		throw new Error(
			`${page.url()} is ${result.scrollWidth} px wide in a ${result.viewport} px viewport: it scrolls sideways (WCAG 1.4.10 Reflow).\n` +
				(result.culprits.length ? result.culprits.map((c) => `  - ${c}`).join('\n') : '  (no single element found)')
		);
	}
}
