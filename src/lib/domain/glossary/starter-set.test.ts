import { describe, expect, it } from 'vitest';
import frameworkFile from '../framework/integrierte-stadtentwicklung.json';
import { countSentences, LIMITS } from './entry';
import { starterSet } from './starter-set';

const set = starterSet();
const competenceCodes = new Set(frameworkFile.areas.flatMap((area) => area.competences.map((competence) => competence.code)));

describe('the starter set', () => {
	it('has at least 60 entries, among them the ones the issue names', () => {
		expect(set.entries.length).toBeGreaterThanOrEqual(60);
		const terms = set.entries.map((entry) => entry.term);
		for (const term of ['Bebauungsplan', 'Flächennutzungsplan', 'Zwischennutzung', 'Konzeptvergabe', 'Städtebauförderung', 'Verfügungsfonds', 'Quartiersmanagement', 'Sondernutzungserlaubnis', 'Gemeinwohl', 'Beteiligungsverfahren', 'Bauvoranfrage', 'Erbbaurecht', 'Vorkaufsrecht', 'Sanierungsgebiet', 'Kooperationsvereinbarung', 'Koproduktion', 'Stadtmacher*innen'])
			expect(terms).toContain(term);
		expect(set.entries.find((entry) => entry.term === 'Integriertes Stadtentwicklungskonzept')?.synonyms).toContain('ISEK');
	});

	it('explains every term in at most two short sentences, with an example', () => {
		for (const entry of set.entries) {
			expect(countSentences(entry.plain), entry.term).toBeLessThanOrEqual(2);
			expect(entry.plain.length, entry.term).toBeLessThanOrEqual(LIMITS.plain);
			expect(entry.example, entry.term).not.toBe('');
		}
	});

	it('relates entries only to competences of the shipped framework', () => {
		for (const entry of set.entries) for (const code of entry.competences) expect(competenceCodes.has(code), `${entry.term}: ${code}`).toBe(true);
	});

	it('gets generated inflected forms, e.g. the umlaut plural of Bebauungsplan', () => {
		expect(set.entries.find((entry) => entry.term === 'Bebauungsplan')?.forms).toContain('Bebauungsplänen');
	});
});
