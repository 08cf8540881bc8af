/**
 * A capability's own messages, kept in its own file so capabilities can grow in parallel.
 * German is the source; the English texts must cover exactly the same keys.
 */
export function defineMessages<const De extends Record<string, string>>(de: De, en: Record<keyof De, string>) {
	return { de, en };
}
