import { describe, expect, it } from 'vitest';
import { copyNames } from './copy-name';
import { MAX_TITLE_LENGTH } from './model';

const template = { name_de: 'Integrierte Stadtentwicklung', name_en: 'Integrated urban development' };

describe('copyNames', () => {
	it('keeps the name for the first copy', () => {
		expect(copyNames(template, ['Anderer Rahmen'])).toEqual(template);
	});

	it('numbers the second and third copy, in both languages', () => {
		expect(copyNames(template, ['Integrierte Stadtentwicklung'])).toEqual({ name_de: 'Integrierte Stadtentwicklung (Kopie 2)', name_en: 'Integrated urban development (copy 2)' });
		expect(copyNames(template, ['integrierte stadtentwicklung ', 'Integrierte Stadtentwicklung (Kopie 2)'])).toEqual({
			name_de: 'Integrierte Stadtentwicklung (Kopie 3)',
			name_en: 'Integrated urban development (copy 3)'
		});
	});

	it('stays within the title length and leaves a missing English name empty', () => {
		const long = 'x'.repeat(MAX_TITLE_LENGTH);
		const { name_de, name_en } = copyNames({ name_de: long, name_en: '' }, [long]);
		expect(name_de).toHaveLength(MAX_TITLE_LENGTH);
		expect(name_de.endsWith(' (Kopie 2)')).toBe(true);
		expect(name_en).toBe('');
	});
});
