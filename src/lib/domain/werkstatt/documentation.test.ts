import { describe, expect, it } from 'vitest';
import { documentationMarkdown, documentationView, markdownText, type DocumentationInput } from './documentation';

const input = (over: Partial<DocumentationInput> = {}): DocumentationInput => ({
	title: 'Markt',
	organisation: 'Stadt Zeitz',
	module: null,
	date: '18.03.2027',
	participants: 12,
	questions: [],
	statements: [
		{ id: 's1', text: 'Mehr Bänke.', agree: 9, disagree: 1, pass: 2, byGroup: { verwaltung: { agree: 5, disagree: 0, pass: 0 } } },
		{ id: 's2', text: 'Weniger Autos.', agree: 4, disagree: 8, pass: 0, byGroup: {} }
	],
	consensus: [
		{ statement: 's1', score: 0.8123 },
		{ statement: 's2', score: 0.2 }
	],
	declaredConsensus: [],
	opinionGroups: [
		{ id: 0, size: 7, described: true, representative: ['s2'] },
		{ id: 1, size: 5, described: true, representative: ['s1'] }
	],
	minGroupSize: 5,
	groupLabel: (key) => (key === 'verwaltung' ? 'Verwaltung' : key),
	...over
});

describe('the Werkstatt documentation', () => {
	it('keeps a participant’s words as words in Markdown', () => {
		expect(markdownText('Das *muss* [jetzt](http://x) <b>sein</b> | ja')).toBe('Das \\*muss\\* \\[jetzt\\](http://x) \\<b\\>sein\\</b\\> \\| ja');
		expect(markdownText('1. Punkt')).toBe('1\\. Punkt');
		expect(markdownText('- kein Listenpunkt\nzwei Zeilen')).toBe('\\- kein Listenpunkt zwei Zeilen');
	});

	it('names the groups per statement by their labels and the consensus with two decimals', () => {
		const md = documentationMarkdown(documentationView(input()));
		expect(md).toContain('1. Mehr Bänke.\n   - Alle: 9 Zustimmung, 1 Ablehnung, 2 weiß nicht\n   - Verwaltung: 5 Zustimmung, 0 Ablehnung, 0 weiß nicht\n2. Weniger Autos.');
		expect(md).toContain('| Mehr Bänke. | 0,81 |\n| Weniger Autos. | 0,20 |');
		expect(md).toContain('### Meinungsgruppe A (7 Personen)\n\nDiese Aussagen kennzeichnen die Gruppe:\n\n- Weniger Autos.');
		expect(md).toContain('### Über die angegebenen Gruppen\n\nNoch keine Aussage mit genug Stimmen.');
	});

	it('describes opinion groups only when at least two may be described', () => {
		const view = documentationView(input({ opinionGroups: [{ id: 0, size: 9, described: true, representative: ['s2'] }, { id: 1, size: 3, described: false, representative: [] }] }));
		expect(view.opinionGroups).toEqual([]);
		expect(view.opinionNote).toBe('Aus den Stimmen ergeben sich (noch) keine Meinungsgruppen, die sich beschreiben lassen. Eine Meinungsgruppe ist kleiner als 5 Personen und wird nicht beschrieben.');
		expect(documentationView(input()).opinionNote).toBeNull();
	});
});
