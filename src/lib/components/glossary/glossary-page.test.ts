/**
 * The public glossary speaks the reader's language (issue 14): its headings, labels and the proposal
 * form come from the glossary catalogue; the entries stay as their authors wrote them, marked German.
 */
// eslint-disable-next-line no-restricted-imports -- Svelte's own server renderer, not src/lib/server (the pattern **/server catches both)
import { render } from 'svelte/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import GlossaryPage from '../../../routes/o/[slug]/glossar/+page.svelte';

// What SvelteKit's page state holds for the request; outside the app there is none.
const state = vi.hoisted(() => ({ page: { data: { locale: 'de' as 'de' | 'en' }, url: new URL('http://localhost/o/altenburg/glossar') } }));
vi.mock('$app/state', () => state);

const entry = {
	slug: 'bebauungsplan',
	term: 'Bebauungsplan',
	plain: 'Ein Plan der Gemeinde, der regelt, was auf einem Grundstück gebaut werden darf.',
	voices: [{ group: 'Stadtmacher*innen', key: 'stadtmacher', words: 'B-Plan' }],
	example: '',
	competences: [],
	sources: ['BauGB § 30'],
	synonyms: [],
	forms: [],
	status: 'abgestimmt' as const,
	agreedBy: ['Verwaltung', 'Stadtmacher*innen'],
	agreedByGroups: ['verwaltung', 'stadtmacher'],
	agreedAt: null
};
const data = { organisation: { name: 'Altenburg', slug: 'altenburg' }, query: '', total: 1, letters: ['B'], groups: [{ letter: 'B', entries: [entry] }] };
const html = (locale: 'de' | 'en') => {
	state.page.data.locale = locale;
	return render(GlossaryPage, { props: { data: data as never, form: null, params: { slug: 'altenburg' } } as never }).body;
};

describe('the public glossary page', () => {
	beforeEach(() => {
		state.page.data.locale = 'de';
	});

	it('is German by default', () => {
		const body = html('de');
		expect(body).toContain('<h1>Glossar: Gemeinsame Sprache</h1>');
		expect(body).toContain('Darauf haben wir uns geeinigt:</strong> Verwaltung, Stadtmacher*innen');
		expect(body).toContain('Stadtmacher*innen sagt');
	});

	it('speaks English when the reader chose English, and keeps the entry’s own German text marked as German', () => {
		const body = html('en');
		const english = [
			'<h1>Glossary: a shared language</h1>',
			'This is what we agreed on:</strong> Administration, City makers',
			'City makers says',
			'>Search a term</label>',
			'Send proposal</button>',
			'<p lang="de">Ein Plan der Gemeinde, der regelt, was auf einem Grundstück gebaut werden darf.</p>'
		];
		for (const text of english) expect(body).toContain(text);
		expect(body).not.toMatch(/Begriff suchen|Vorschlag senden|Darauf haben wir/);
	});
});
