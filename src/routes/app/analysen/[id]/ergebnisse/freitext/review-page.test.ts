/**
 * The free-text review of a Delphi study without open questions (issue 17): the page says what it
 * holds — the round's reasons — instead of only "keine offenen Fragen" above them.
 */
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import ReviewPage from './+page.svelte';

vi.mock('$app/state', () => ({ page: { data: { locale: 'de' }, url: new URL('https://stadtwissen.test/') } }));

const reason = {
	key: 'reason:A1.1|importance|heute',
	label: 'A1.1 – Wichtigkeit heute',
	released: false,
	groups: [{ key: 'verwaltung', label: 'Verwaltung', eligible: true, texts: [{ id: '0b0f9c6e-1d2a-4c3b-8e4f-5a6b7c8d9e0f', text: 'Bei uns ist das kein Thema.', hidden: false }] }]
};
const openQuestion = { ...reason, key: 'lernen', label: 'Was kann Verwaltung lernen?' };

function page(questions: (typeof reason)[], reasons: (typeof reason)[]) {
	const review = { studyId: '5f0c3c1e-7a4b-4d2e-9f1a-2b3c4d5e6f70', studyTitle: 'Delphi', round: 2, rounds: [1, 2], threshold: 8, questions, reasons, nextRound: 3, minGroupSize: 3 };
	return render(ReviewPage, { props: { data: { review, notice: null }, form: null } as never }).body;
}

describe('free-text review page', () => {
	it('says that only the Delphi reasons are here when the study has no open questions', () => {
		const body = page([], [reason]);
		expect(body).toContain('Diese Analyse hat keine offenen Fragen – hier stehen nur die Begründungen aus der Delphi-Runde.');
		expect(body).toContain('Begründungen (Delphi)');
		expect(body).toContain('Bei uns ist das kein Thema.');
	});

	it('says plainly that there are no open questions when there are no reasons either, and nothing of the kind when there are questions', () => {
		expect(page([], [])).toContain('Diese Analyse hat keine offenen Fragen.');
		expect(page([], [])).not.toContain('Begründungen aus der Delphi-Runde');
		const withQuestion = page([openQuestion], [reason]);
		expect(withQuestion).not.toContain('keine offenen Fragen');
		expect(withQuestion).toContain('Was kann Verwaltung lernen?');
	});
});
