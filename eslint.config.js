import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/*
 * Layers (ENGINEERING.md, ARCHITECTURE): src/lib/domain is pure; src/lib/format is neutral
 * formatting every layer may use; components import nothing from the server. Each pattern names
 * both the $lib alias and the relative form. tests/lint-boundaries.test.ts shows each rule firing.
 */
const SERVER = ['$lib/server', '$lib/server/**', '**/server', '**/server/**'];
const COMPONENTS = ['$lib/components', '$lib/components/**', '**/components', '**/components/**'];
const DOMAIN = ['$lib/domain', '$lib/domain/**', '**/domain', '**/domain/**'];
const SVELTEKIT = ['$app/**', '$env/**'];
const DATABASE = ['pg', 'pg-query-stream', 'drizzle-orm', 'drizzle-orm/**', 'drizzle-orm*'];
const NODE_IO = ['fs', 'fs/promises', 'node:fs', 'node:fs/promises', 'net', 'node:net', 'child_process', 'node:child_process'];

const PURE_DOMAIN =
	'Die Fachlogik (domain) ist rein: keine Server-, Datenbank- oder Komponenten-Importe. / The domain is pure: no server, database or component imports.';
const DOMAIN_NO_IO =
	'Die Fachlogik (domain) macht keine Ein-/Ausgabe und kennt SvelteKit nicht: kein Dateisystem, Netz, Prozess, $app oder $env. / The domain does no I/O and does not know SvelteKit: no file system, network, processes, $app or $env.';
const COMPONENTS_NO_SERVER =
	'Komponenten importieren nichts aus src/lib/server: Typen und Regeln kommen aus src/lib/domain, Formate aus src/lib/format. / Components import nothing from src/lib/server: types and rules come from src/lib/domain, formats from src/lib/format.';
const SERVER_NO_COMPONENTS =
	'Der Server importiert keine Komponenten: gemeinsame Regeln gehören in src/lib/domain, Formate in src/lib/format. / The server imports no components: shared rules belong in src/lib/domain, formats in src/lib/format.';
const THIN_ROUTES =
	'Routen sind dünn: Datenbank und Fehlerbehandlung gehören in die Anwendungsfälle und den Adapter (src/lib/server/http/adapter.ts). / Routes are thin: the database and error mapping belong to use cases and the adapter.';
const NEUTRAL_FORMAT =
	'Formatierung (src/lib/format) ist neutral: keine Server-, Komponenten-, Fachlogik-, Datenbank- oder Ein-/Ausgabe-Importe. / Formatting is neutral: no server, component, domain, database or I/O imports.';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: [...SERVER, ...COMPONENTS, ...DATABASE], message: PURE_DOMAIN },
						{ group: [...SVELTEKIT, ...NODE_IO], message: DOMAIN_NO_IO }
					]
				}
			]
		}
	},
	{
		files: ['src/lib/components/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [{ group: SERVER, message: COMPONENTS_NO_SERVER }] }] }
	},
	{
		files: ['src/lib/format/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: [...SERVER, ...COMPONENTS, ...DOMAIN, ...DATABASE, ...SVELTEKIT, ...NODE_IO], message: NEUTRAL_FORMAT }] }]
		}
	},
	{
		files: ['src/lib/server/**', 'src/cli/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [{ group: COMPONENTS, message: SERVER_NO_COMPONENTS }] }] }
	},
	{
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: [...DATABASE, '$lib/server/db', '$lib/server/db/**', '$lib/server/errors', '$lib/server/tenant'], message: THIN_ROUTES }] }]
		}
	},
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'drizzle/', 'test-results/', '.scratch/'] }
);
