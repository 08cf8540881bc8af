import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { glossaryFromCsv, glossaryFromSkos, glossaryToCsv, glossaryToSkos } from './exchange';
import type { GlossaryEntryContent } from './entry';

const entry: GlossaryEntryContent = {
	term: 'Bebauungsplan',
	plain: 'Ein Plan der Gemeinde, der festlegt, was gebaut werden darf.',
	voices: { zivilgesellschaft: 'Baurecht fürs Viertel', kultur: '=HYPERLINK("http://böse.example")' },
	example: 'Für die Brauerei gibt es einen Bebauungsplan.',
	competences: ['A8.3'],
	sources: ['BauGB §§ 8–10'],
	synonyms: ['B-Plan'],
	forms: ['Bebauungspläne', 'Bebauungsplänen'],
	status: 'abgestimmt',
	agreedBy: ['verwaltung', 'stadtmacher']
};

describe('CSV', () => {
	it('writes German Excel CSV with every text protected from running as a formula', () => {
		const csv = glossaryToCsv([entry]);
		expect(csv.startsWith('\uFEFFBegriff;Erklärung;')).toBe(true);
		const [header, row] = parse(csv.slice(1), { delimiter: ';' }) as string[][];
		expect(row[header.indexOf('So sagt: Kultur')]).toBe('\'=HYPERLINK("http://böse.example")');
		expect(row[header.indexOf('Geeinigt haben sich')]).toBe('Verwaltung | Stadtmacher*innen');
		expect(row[header.indexOf('Status')]).toBe('abgestimmt');
	});

	it('reads back what it wrote', () => {
		expect(glossaryFromCsv(glossaryToCsv([entry]))).toEqual({ ok: true, value: [entry] });
	});

	it('names the line of a broken entry in German', () => {
		const result = glossaryFromCsv('Begriff;Erklärung\nBebauungsplan;Ein Plan der Gemeinde.\nX;kurz');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(['Zeile 3.term', 'Zeile 3.plain']);
	});
});

describe('SKOS', () => {
	const scheme = { uri: 'https://stadtwissen.test/o/altenburg/glossar', title: 'Glossar der Stadt Altenburg' };

	it('writes a ConceptScheme and a Concept with prefLabel, altLabel, definition, example, scopeNote and source', () => {
		const doc = glossaryToSkos(scheme, [{ ...entry, slug: 'bebauungsplan' }]);
		const [schemeNode, concept] = doc['@graph'];
		expect(schemeNode).toMatchObject({ '@type': 'skos:ConceptScheme', 'skos:hasTopConcept': [{ '@id': `${scheme.uri}/bebauungsplan` }] });
		expect(concept).toMatchObject({
			'@id': `${scheme.uri}/bebauungsplan`,
			'@type': 'skos:Concept',
			'skos:inScheme': { '@id': scheme.uri },
			'skos:prefLabel': { '@value': 'Bebauungsplan', '@language': 'de' },
			'skos:altLabel': [{ '@value': 'B-Plan', '@language': 'de' }],
			'skos:definition': { '@value': entry.plain, '@language': 'de' },
			'skos:example': { '@value': entry.example, '@language': 'de' },
			'dct:source': ['BauGB §§ 8–10']
		});
		expect(doc['@context'].skos).toBe('http://www.w3.org/2004/02/skos/core#');
	});

	it('reads back what it wrote, through JSON', () => {
		const doc = JSON.parse(JSON.stringify(glossaryToSkos(scheme, [{ ...entry, slug: 'bebauungsplan' }])));
		expect(glossaryFromSkos(doc)).toEqual({ ok: true, value: [entry] });
	});

	it('reads another tool’s concepts with full IRIs and picks the German label', () => {
		const doc = [
			{
				'@type': ['http://www.w3.org/2004/02/skos/core#Concept'],
				'http://www.w3.org/2004/02/skos/core#prefLabel': [
					{ '@value': 'land-use plan', '@language': 'en' },
					{ '@value': 'Flächennutzungsplan', '@language': 'de' }
				],
				'http://www.w3.org/2004/02/skos/core#definition': [{ '@value': 'Ein Plan für das ganze Gemeindegebiet.', '@language': 'de' }]
			}
		];
		const result = glossaryFromSkos(doc);
		expect(result.ok && result.value[0]).toMatchObject({ term: 'Flächennutzungsplan', status: 'vorschlag', forms: expect.arrayContaining(['Flächennutzungspläne']) });
	});

	it('says in German when a file has no concepts', () => {
		expect(glossaryFromSkos({ '@graph': [] })).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('skos:Concept') }] });
	});
});
