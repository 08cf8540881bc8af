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

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules and fails with a readable list of violations. */
export async function checkA11y(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	if (results.violations.length) throw new Error(formatViolations(page.url(), results.violations));
}
