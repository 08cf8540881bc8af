import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
	id: string;
	impact?: string | null;
	help: string;
	helpUrl: string;
	nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

export function formatViolations(url: string, violations: Violation[]): string {
	const lines = [`axe found ${violations.length} WCAG 2.1 A/AA violation(s) on ${url}:`];
	for (const violation of violations) {
		lines.push(`- [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})`);
		for (const node of violation.nodes.slice(0, 5)) {
			lines.push(`    at ${node.target.map(String).join(' ')}  ${node.html.slice(0, 160)}`);
			if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((l) => `      ${l}`));
		}
		if (violation.nodes.length > 5) lines.push(`    … and ${violation.nodes.length - 5} more element(s)`);
	}
	return lines.join('\n');
}

/**
 * Text drawn in SVG charts against the shape painted under it. axe leaves such text as "incomplete"
 * (it cannot tell the background of SVG text), so a heatmap figure at 2.42 : 1 never failed a test.
 * Here the colours are computed: the text's computed fill against the last solid-filled <rect> of the
 * same SVG under the text's centre (or the page's white). Hatched (pattern) fills are skipped.
 * Returns one line per text below 4.5 : 1 (3 : 1 for large text).
 */
export async function chartTextContrast(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const rgb = (colour: string): [number, number, number] | null => {
			const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(colour.trim());
			if (!match || (match[4] !== undefined && Number(match[4]) < 1)) return null;
			return [Number(match[1]), Number(match[2]), Number(match[3])];
		};
		const luminance = ([r, g, b]: [number, number, number]) => {
			const [R, G, B] = [r, g, b].map((v) => {
				const c = v / 255;
				return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * R + 0.7152 * G + 0.0722 * B;
		};
		const ratio = (a: [number, number, number], b: [number, number, number]) => {
			const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
			return (x + 0.05) / (y + 0.05);
		};
		const problems: string[] = [];
		for (const svg of Array.from(document.querySelectorAll('svg'))) {
			const shapes = Array.from(svg.querySelectorAll('rect'));
			for (const text of Array.from(svg.querySelectorAll('text'))) {
				const content = (text.textContent ?? '').trim();
				const style = getComputedStyle(text);
				if (!content || style.visibility === 'hidden' || style.display === 'none') continue;
				const ink = rgb(style.fill);
				if (!ink) continue;
				const box = text.getBoundingClientRect();
				if (box.width === 0 || box.height === 0) continue;
				const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
				let background: [number, number, number] | null = [255, 255, 255];
				for (const shape of shapes) {
					if (shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_PRECEDING) continue; // drawn after the text
					const r = shape.getBoundingClientRect();
					if (cx < r.left || cx > r.right || cy < r.top || cy > r.bottom) continue;
					const fill = getComputedStyle(shape).fill;
					if (fill.startsWith('url(')) background = null;
					else if (fill !== 'none') background = rgb(fill) ?? background;
				}
				if (!background) continue;
				const contrast = ratio(ink, background);
				const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width);
				const size = parseFloat(style.fontSize) * scale;
				const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
				if (contrast < (large ? 3 : 4.5)) problems.push(`"${content.slice(0, 40)}" ${style.fill} on rgb(${background.join(', ')}): ${contrast.toFixed(2)} : 1`);
			}
		}
		return problems;
	});
}

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules (plus the chart text contrast) and fails with a readable list of problems. */
export async function checkA11y(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const problems = results.violations.length ? [formatViolations(page.url(), results.violations)] : [];
	const charts = await chartTextContrast(page);
	if (charts.length) {
		problems.push([`chart text below WCAG contrast on ${page.url()} (${charts.length}):`, ...charts.slice(0, 8).map((line) => `    ${line}`), ...(charts.length > 8 ? [`    … and ${charts.length - 8} more`] : [])].join('\n'));
	}
	if (problems.length) throw new Error(problems.join('\n'));
}
