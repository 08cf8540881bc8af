import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
	it('spells out umlauts and ß, drops other accents and punctuation', () => {
		expect(slugify('Stadt Altenburg (Demo)', 'x')).toBe('stadt-altenburg-demo');
		expect(slugify('Wissensbedarf Übermorgen – Straßenräume', 'x')).toBe('wissensbedarf-uebermorgen-strassenraeume');
		expect(slugify('Café Genève', 'x')).toBe('cafe-geneve');
	});

	it('cuts at 60 characters without a trailing hyphen, and falls back for empty results', () => {
		const slug = slugify(`${'a'.repeat(59)} b`, 'x');
		expect(slug).toBe('a'.repeat(59));
		expect(slugify('!!!', 'analyse')).toBe('analyse');
	});
});
