/**
 * The shared list building blocks, rendered on the server as a visitor's browser receives them:
 * the same HTML the pages wrote by hand before (issue 11), so styles, tests and screen readers
 * find what they found.
 */
import { createRawSnippet } from 'svelte';
// eslint-disable-next-line no-restricted-imports -- Svelte's own server renderer, not src/lib/server (the pattern **/server catches both)
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ConfirmStep from './ConfirmStep.svelte';
import DataTable from './DataTable.svelte';
import EntryList from './EntryList.svelte';
import ListSection from './ListSection.svelte';

/** The markup without Svelte's hydration comments and the whitespace between tags. */
const html = (body: string) =>
	body
		.replace(/<!--[^>]*-->/g, '')
		.replace(/>\s+</g, '><')
		.trim();

// Generic components take `unknown` entries when rendered from TypeScript.
type Org = { slug: string; name: string };
const link = createRawSnippet((entry: () => unknown) => ({ render: () => `<a href="/o/${(entry() as Org).slug}">${(entry() as Org).name}</a>` }));
const key = (entry: unknown) => (entry as Org).slug;
const orgs: Org[] = [
	{ slug: 'altenburg', name: 'Stadt Altenburg' },
	{ slug: 'nachbarort', name: 'Gemeinde Nachbarort' }
];

describe('EntryList', () => {
	it('renders the entries as a list with the given classes, or the sentence that there are none', () => {
		const list = render(EntryList, { props: { items: orgs, key, item: link, none: 'Noch keine.', class: 'cat-session-list', itemClass: 'card' } });
		expect(html(list.body)).toBe('<ul class="cat-session-list"><li class="card"><a href="/o/altenburg">Stadt Altenburg</a></li><li class="card"><a href="/o/nachbarort">Gemeinde Nachbarort</a></li></ul>');
		const ordered = render(EntryList, { props: { items: orgs.slice(0, 1), key, item: link, none: 'Noch keine.', ordered: true } });
		expect(html(ordered.body)).toBe('<ol><li><a href="/o/altenburg">Stadt Altenburg</a></li></ol>');
		const empty = render(EntryList, { props: { items: [], key, item: link, none: 'Noch keine Angebote.', noneClass: 'notice' } });
		expect(html(empty.body)).toBe('<p class="notice">Noch keine Angebote.</p>');
	});

	it('ListSection puts a heading over it', () => {
		const section = render(ListSection, { props: { title: 'Organisationen', items: orgs.slice(1), key, item: link, none: 'Noch keine.' } });
		expect(html(section.body)).toBe('<h2>Organisationen</h2><ul><li><a href="/o/nachbarort">Gemeinde Nachbarort</a></li></ul>');
		expect(html(render(ListSection, { props: { title: 'Organisationen', items: [], key, item: link, none: 'Noch keine.' } }).body)).toBe('<h2>Organisationen</h2><p>Noch keine.</p>');
	});
});

describe('ConfirmStep', () => {
	it('asks a second time in a closed details box, posts confirm=yes and names the row for screen readers', () => {
		const hidden = createRawSnippet(() => ({ render: () => '<input type="hidden" name="registrationId" value="r1">' }));
		const step = render(ConfirmStep, { props: { action: '?/erase', label: 'Löschen', warning: 'Das kann nicht rückgängig gemacht werden.', confirm: 'Ja, löschen', about: 'Anna Beispiel', small: true, children: hidden } });
		expect(html(step.body)).toBe(
			'<details class="confirm-step"><summary>Löschen<span class="visually-hidden">: Anna Beispiel</span></summary><form method="POST" action="?/erase"><input type="hidden" name="registrationId" value="r1"><input type="hidden" name="confirm" value="yes"/><p>Das kann nicht rückgängig gemacht werden.</p><button type="submit" class="danger small">Ja, löschen<span class="visually-hidden">: Anna Beispiel</span></button></form></details>'
		);
	});

	it('opens when asked (the confirmation came back with a problem) and is plain without a row', () => {
		const step = render(ConfirmStep, { props: { action: '?/cancel', label: 'Abmelden …', warning: 'Ihr Platz geht weiter.', confirm: 'Ja, abmelden', open: true } });
		expect(html(step.body)).toBe(
			'<details class="confirm-step" open=""><summary>Abmelden …</summary><form method="POST" action="?/cancel"><input type="hidden" name="confirm" value="yes"/><p>Ihr Platz geht weiter.</p><button type="submit" class="danger">Ja, abmelden</button></form></details>'
		);
	});
});

describe('DataTable', () => {
	const cells = createRawSnippet((entry: () => unknown) => ({ render: () => `<td>${(entry() as Org).name}</td>` }));
	const none = createRawSnippet(() => ({ render: () => '<p>Noch keine.</p>' }));

	it('scrolls in a named region that keyboard users can focus, even when no row holds a link', () => {
		const table = render(DataTable, { props: { label: 'Organisationen', columns: ['Name', { hidden: 'Aktionen' }], rows: orgs.slice(0, 1), key, row: cells, empty: none } });
		expect(html(table.body)).toBe(
			'<div class="table-wrap" role="region" aria-label="Organisationen" tabindex="0"><table><thead><tr><th scope="col">Name</th><th scope="col"><span class="visually-hidden">Aktionen</span></th></tr></thead><tbody><tr><td>Stadt Altenburg</td></tr></tbody></table></div>'
		);
		expect(html(render(DataTable, { props: { label: 'Organisationen', columns: ['Name'], rows: [], key, row: cells, empty: none } }).body)).toBe('<p>Noch keine.</p>');
	});
});
