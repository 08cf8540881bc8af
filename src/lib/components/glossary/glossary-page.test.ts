/**
 * The public glossary speaks the reader's language (issue 14): its headings, labels and the proposal
 * form come from the glossary catalogue; the entries stay as their authors wrote them, marked German.
 */
// eslint-disable-next-line no-restricted-imports -- Svelte's own server renderer, not src/lib/server (the pattern **/server catches both)
import { render } from 'svelte/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import GlossaryPage from '../../../routes/o/[slug]/glossar/+page.svelte';
import { glossaryProposalSchema } from '$lib/schemas/glossary';

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
type Refused = { errors: Record<string, string>; message?: string; values: Record<string, string> };
const html = (locale: 'de' | 'en', form: Refused | null = null) => {
	state.page.data.locale = locale;
	return render(GlossaryPage, { props: { data: { ...data, locale } as never, form, params: { slug: 'altenburg' } } as never }).body;
};

/** What the proposal action hands back after the real schema refused these inputs. */
function refused(input: Record<string, string>, message?: string): Refused {
	const result = glossaryProposalSchema.safeParse(input);
	if (result.success) throw new Error('the schema accepted the input');
	return { errors: Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message])), message, values: input };
}

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

	it('asks whom the proposer writes as, „möchte ich nicht sagen“ until they choose, and keeps the choice after a refusal', () => {
		const body = html('de');
		expect(body).toContain('<legend>Ich schreibe als</legend>');
		const radios = [...body.matchAll(/<input type="radio" name="group" value="(\w+)"( checked)?/g)].map((m) => [m[1], Boolean(m[2])]);
		expect(radios).toEqual([
			['verwaltung', false],
			['politik', false],
			['stadtmacher', false],
			['zivilgesellschaft', false],
			['wirtschaft', false],
			['kultur', false],
			['keine', true]
		]);
		expect(body).toContain('möchte ich nicht sagen');
		const again = html('de', refused({ term: '', plain: 'Eine Erklärung in einem Satz.', words: 'Leerstandsmelder', group: 'stadtmacher' }));
		expect(again).toMatch(/value="stadtmacher" checked/);
		expect(again).not.toMatch(/value="keine" checked/);
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

	it('tells an English reader in English why a proposal was refused', () => {
		const form = refused({ term: '', plain: 'kurz', words: 'w'.repeat(201), example: 'x'.repeat(301), comment: 'x'.repeat(1001), group: 'niemand' });
		expect(Object.keys(form.errors).sort()).toEqual(['comment', 'example', 'group', 'plain', 'term', 'words']);
		const body = html('en', { ...form, message: 'Von Ihrem Anschluss kamen in der letzten Stunde schon 10 Vorschläge. Bitte versuchen Sie es später noch einmal.' });
		const english = [
			'Please name the term.',
			'Please explain the term in one or two sentences.',
			'At most 200 characters.',
			'The example sentence has at most 300 characters.',
			'The comment has at most 1,000 characters.',
			'Please choose whom you are writing as – or “I would rather not say”.',
			'10 proposals already came from your connection in the last hour. Please try again later.'
		];
		for (const text of english) expect(body).toContain(text);
		expect(body).not.toMatch(/Bitte nennen|Bitte erklären|Bitte wählen|höchstens|Anschluss/);
		expect(html('de', refused({ term: '', plain: 'kurz' }))).toContain('Bitte nennen Sie den Begriff.');
	});

	it('names an over-long term and explanation with their limits in English', () => {
		const body = html('en', refused({ term: 'B'.repeat(121), plain: 'E'.repeat(321) }));
		expect(body).toContain('The term has at most 120 characters.');
		expect(body).toContain('The explanation has at most 320 characters – one or two short sentences.');
	});
});
