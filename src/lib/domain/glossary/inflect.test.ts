import { describe, expect, it } from 'vitest';
import { generateForms } from './inflect';

describe('generateForms', () => {
	it('gives the umlaut plural, dative plural and genitive of a compound by its head', () => {
		expect(generateForms('Bebauungsplan')).toEqual(['Bebauungspläne', 'Bebauungsplänen', 'Bebauungsplans', 'Bebauungsplanes']);
		expect(generateForms('Vorkaufsrecht')).toEqual(['Vorkaufsrechte', 'Vorkaufsrechten', 'Vorkaufsrechts', 'Vorkaufsrechtes']);
	});

	it('knows the feminine -ung and -e plurals, which have no genitive ending', () => {
		expect(generateForms('Zwischennutzung')).toEqual(['Zwischennutzungen']);
		expect(generateForms('Bauvoranfrage')).toEqual(['Bauvoranfragen']);
		expect(generateForms('Sondernutzungserlaubnis')).toEqual(['Sondernutzungserlaubnisse', 'Sondernutzungserlaubnissen', 'Sondernutzungserlaubnisses']);
	});

	it('inflects the last word of a multi-word term', () => {
		expect(generateForms('Integriertes Stadtentwicklungskonzept')).toContain('Integriertes Stadtentwicklungskonzepte');
	});

	it('adds -s to abbreviations and leaves gender forms and invariable heads alone', () => {
		expect(generateForms('ISEK')).toEqual(['ISEKs']);
		expect(generateForms('Stadtmacher*innen')).toEqual([]);
		expect(generateForms('Verfügungsfonds')).toEqual([]);
	});

	it('falls back to -s, -e, -en for heads it does not know', () => {
		expect(generateForms('Quartiersbüro')).toEqual(['Quartiersbüros']);
		expect(generateForms('Leerstand')).toEqual(['Leerstands', 'Leerstande', 'Leerstanden']);
		expect(generateForms('Quartiersmanagement')).toEqual(['Quartiersmanagements']);
	});
});
