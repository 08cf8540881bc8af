import { MAX_TITLE_LENGTH, type FrameworkMeta } from './model';

/**
 * The names of a copy of a framework: its own name while the organisation has no framework of that
 * name, else "… (Kopie 2)", "… (Kopie 3)" … (English "… (copy 2)"), so that a template adopted
 * twice gives two frameworks one can tell apart. Names stay within the title length.
 */
export function copyNames(meta: Pick<FrameworkMeta, 'name_de' | 'name_en'>, taken: readonly string[]): { name_de: string; name_en: string } {
	const used = new Set(taken.map((name) => name.trim().toLocaleLowerCase('de')));
	const free = (name: string) => !used.has(name.trim().toLocaleLowerCase('de'));
	if (free(meta.name_de)) return { name_de: meta.name_de, name_en: meta.name_en };
	const numbered = (name: string, suffix: string) => `${name.slice(0, MAX_TITLE_LENGTH - suffix.length).trimEnd()}${suffix}`;
	for (let n = 2; ; n++) {
		const name_de = numbered(meta.name_de, ` (Kopie ${n})`);
		if (free(name_de)) return { name_de, name_en: meta.name_en ? numbered(meta.name_en, ` (copy ${n})`) : '' };
	}
}
