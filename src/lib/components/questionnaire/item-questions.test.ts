/**
 * A competence's questions as the organiser's preview and the participant's review list them:
 * in the instrument's own words (issue 16), so a self-check's preview asks what its participants
 * are asked, and the review puts each answer after its question.
 */
import { createRawSnippet } from 'svelte';
// eslint-disable-next-line no-restricted-imports -- Svelte's own server renderer, not src/lib/server (the pattern **/server catches both)
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import type { QuestionnaireItem } from '$lib/domain/study/questionnaire';
import ItemQuestions from './ItemQuestions.svelte';

// What SvelteKit's page state holds for a German request; outside the app there is none.
vi.mock('$app/state', () => ({ page: { data: { locale: 'de' } } }));

const text = (body: string) =>
	body
		.replace(/<!--[^>]*-->/g, '')
		.replace(/<[^>]+>/g, '|')
		.replace(/\|+/g, '|')
		.replace(/^\||\|$/g, '');

const items: QuestionnaireItem[] = [
	{ key: 'B1|importance|heute', competence: 'B1', measure: 'importance', horizon: 'heute' },
	{ key: 'B1|proficiency|', competence: 'B1', measure: 'proficiency', horizon: null }
];
const horizonLabel = (key: string | null) => (key === 'heute' ? 'heute' : '');

describe('ItemQuestions', () => {
	it('asks a competence framework’s questions', () => {
		const { body } = render(ItemQuestions, { props: { items, instrument: 'competences', horizonLabel } });
		expect(text(body)).toBe('Wie wichtig ist das heute?|Wie gut kann die Verwaltung das heute?');
	});

	it('asks a self-check’s questions in its own words', () => {
		const { body } = render(ItemQuestions, { props: { items, instrument: 'conditions', horizonLabel } });
		expect(text(body)).toBe('So wichtig ist es uns:|So ist es bei uns heute:');
	});

	it('puts each answer after its question, separated by a space', () => {
		const answer = createRawSnippet((key: () => string) => ({ render: () => `<strong>${key() === 'B1|proficiency|' ? '4' : 'kann ich nicht einschätzen'}</strong>` }));
		const { body } = render(ItemQuestions, { props: { items, instrument: 'competences', horizonLabel, answer } });
		expect(body.replace(/<!--[^>]*-->/g, '')).toContain('Wie gut kann die Verwaltung das heute? <strong>4</strong>');
	});
});
