/**
 * The weak conditions of a self-check (issue 16): a long list (13 in the demo) shows the five weakest
 * open and folds the rest into a <details> that works without JavaScript, numbered on from 6.
 */
// eslint-disable-next-line no-restricted-imports -- Svelte's own server renderer, not src/lib/server (the pattern **/server catches both)
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import type { ResultsSetting } from '$lib/domain/results/dashboard-view';
import type { SelfCheckView, WeakCondition } from '$lib/domain/results/self-check-view';
import SelfCheckSection from './SelfCheckSection.svelte';

// What SvelteKit's page state holds for a German request; outside the app there is none.
vi.mock('$app/state', () => ({ page: { data: { locale: 'de' } } }));

const setting = { instrument: 'conditions', studyId: 's', groups: [{ key: 'verwaltung', label: 'Verwaltung' }], minGroupSize: 5 } as unknown as ResultsSetting;
const weak = (count: number): WeakCondition[] => Array.from({ length: count }, (_, i) => ({ code: `R${i + 1}.1`, title: `Bedingung ${i + 1}`, areaCode: `R${i + 1}`, mean: 1 + i / 10, firstSteps: 'Erst fragen.' }));
const view = (count: number): SelfCheckView => ({ groups: ['verwaltung', 'all'], dimensions: [], differences: [], weak: weak(count) });
const html = (count: number) => render(SelfCheckSection, { props: { selfCheck: view(count), setting, competenceHref: (code: string) => `/k/${code}` } }).body;

describe('SelfCheckSection’s weak conditions', () => {
	it('shows the five weakest open and folds the other eight into a details element numbered on from 6', () => {
		const body = html(13);
		const [open, folded] = body.split('<details');
		expect(open.match(/id="schwach-/g)).toHaveLength(5);
		expect(open).toContain('id="schwach-R5.1"');
		expect(folded).toMatch(/^ class="results-weak-more[^"]*"><summary[^>]*>Weitere 8 schwache Bedingungen anzeigen<\/summary>/);
		expect(folded).toContain('<ol class="results-weak svelte-');
		expect(folded).toMatch(/start="6"/);
		expect(folded.match(/id="schwach-/g)).toHaveLength(8);
		expect(folded).toContain('id="schwach-R13.1"');
	});

	it('folds nothing when there are five or fewer', () => {
		const body = html(5);
		expect(body).not.toContain('<details');
		expect(body.match(/id="schwach-/g)).toHaveLength(5);
	});
});
