const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** "Stadt Altenburg (Demo)" → "stadt-altenburg-demo": German umlauts spelled out, other accents dropped, at most `maxLength` characters. */
export function slugify(text: string, fallback: string, maxLength = 60): string {
	const slug = text
		.toLowerCase()
		.replace(/[äöüß]/g, (c) => TRANSLITERATION[c])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, maxLength)
		.replace(/-+$/, '');
	return slug || fallback;
}
