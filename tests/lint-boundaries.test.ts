/**
 * The layers are enforced by ESLint (no-restricted-imports in eslint.config.js), not only
 * described: a deliberate violation in each layer is reported with the rule's message, in the $lib
 * and the relative form, and an allowed import is not.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') });

/** The boundary messages ESLint reports for `code` as if it stood at `filePath`. */
async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath });
	const fatal = result.messages.filter((m) => m.fatal);
	expect(fatal).toEqual([]);
	return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const PURE_DOMAIN = 'Die Fachlogik (domain) ist rein: keine Server-, Datenbank- oder Komponenten-Importe.';
const DOMAIN_NO_IO = 'Die Fachlogik (domain) macht keine Ein-/Ausgabe';
const COMPONENTS_NO_SERVER = 'Komponenten importieren nichts aus src/lib/server';
const NEUTRAL_FORMAT = 'Formatierung (src/lib/format) ist neutral';
const THIN_ROUTES = 'Routen sind dünn';
const SERVER_NO_COMPONENTS = 'Der Server importiert keine Komponenten';

describe('layer boundaries', () => {
	it('keep the domain free of server, database and component imports', async () => {
		const file = 'src/lib/domain/results/bad.ts';
		for (const source of ['$lib/server/db/client', '../../server/db/client', 'drizzle-orm', 'drizzle-orm/pg-core', 'pg', '$lib/components/results/svg', '../../components/results/svg']) {
			const messages = await boundaryMessages(file, `import { x } from '${source}';`);
			expect(messages, source).toHaveLength(1);
			expect(messages[0], source).toContain(PURE_DOMAIN);
		}
	});

	it('keep the domain free of I/O and of SvelteKit', async () => {
		for (const source of ['node:fs', 'fs', 'node:net', 'node:child_process', '$app/state', '$env/dynamic/private']) {
			const messages = await boundaryMessages('src/lib/domain/framework/bad.ts', `import x from '${source}';`);
			expect(messages, source).toHaveLength(1);
			expect(messages[0], source).toContain(DOMAIN_NO_IO);
		}
	});

	it('let the domain import the domain, i18n and neutral formatting', async () => {
		for (const source of ['../anonymity/cells', '$lib/domain/statistics/gap', '../../i18n', '../../format/spreadsheet', 'fast-check']) {
			expect(await boundaryMessages('src/lib/domain/results/good.ts', `import { x } from '${source}';`), source).toEqual([]);
		}
	});

	it('keep components free of server imports, and let them use domain types and formats', async () => {
		for (const source of ['$lib/server/results/results-views', '../../server/results/results-views']) {
			const messages = await boundaryMessages('src/lib/components/results/bad.ts', `import type { x } from '${source}';`);
			expect(messages, source).toHaveLength(1);
			expect(messages[0], source).toContain(COMPONENTS_NO_SERVER);
		}
		// A Svelte component is linted through its script (an existing file, so the TypeScript project knows it).
		const [svelte] = await eslint.lintText(
			`<script lang="ts">\n\timport type { DashboardPage } from '$lib/server/results/results-views';\n\tlet { page }: { page: DashboardPage } = $props();\n</script>\n\n<p>{page.state}</p>\n`,
			{ filePath: 'src/lib/components/results/ResultsDashboard.svelte' }
		);
		expect(svelte.messages.map((m) => m.message)).toEqual([expect.stringContaining(COMPONENTS_NO_SERVER)]);
		for (const source of ['$lib/domain/results/dashboard-view', '$lib/format/numbers', '$app/state', './svg']) {
			expect(await boundaryMessages('src/lib/components/results/good.ts', `import { x } from '${source}';`), source).toEqual([]);
		}
	});

	it('keep formatting neutral', async () => {
		for (const source of ['../server/errors', '$lib/components/results/format', '../domain/framework', '$app/state', 'node:fs']) {
			const messages = await boundaryMessages('src/lib/format/bad.ts', `import { x } from '${source}';`);
			expect(messages, source).toHaveLength(1);
			expect(messages[0], source).toContain(NEUTRAL_FORMAT);
		}
		expect(await boundaryMessages('src/lib/format/good.ts', `import { x } from './numbers';`)).toEqual([]);
	});

	it('keep routes thin: no database, no error mapping of their own — the adapter does both', async () => {
		for (const source of ['$lib/server/db/client', '$lib/server/db/schema', 'drizzle-orm', 'pg', '$lib/server/errors', '$lib/server/tenant']) {
			const messages = await boundaryMessages('src/routes/app/bad/+page.server.ts', `import { x } from '${source}';`);
			expect(messages, source).toHaveLength(1);
			expect(messages[0], source).toContain(THIN_ROUTES);
		}
		for (const source of ['$lib/server/http/adapter', '$lib/server/studies/get-study', '$lib/schemas/studies', '@sveltejs/kit']) {
			expect(await boundaryMessages('src/routes/app/good/+page.server.ts', `import { x } from '${source}';`), source).toEqual([]);
		}
	});

	it('keep components out of the server', async () => {
		for (const source of ['$lib/components/results/svg', '../../components/studies/labels']) {
			const messages = await boundaryMessages('src/lib/server/studies/bad.ts', `import { x } from '${source}';`);
			expect(messages, source).toHaveLength(1);
			expect(messages[0], source).toContain(SERVER_NO_COMPONENTS);
		}
	});

	it('leave the server free to use the database and the domain', async () => {
		expect(await boundaryMessages('src/lib/server/results/good.ts', `import { x } from '../db/client';\nimport { y } from 'drizzle-orm';\nimport { z } from '../../domain/results/dashboard-view';\nexport const more = [y, z];`)).toEqual([]);
	});
});
