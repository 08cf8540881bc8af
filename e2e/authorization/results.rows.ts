/** Auswertung: results of closed rounds for members, public ones once published. */
import type { Row } from './table';

export const rows: Row[] = [];

export const pending: string[] = [
	'/api/v1/studies/[id]/results',
	'/app/analysen/[id]/ergebnisse',
	'/app/analysen/[id]/ergebnisse/export',
	'/app/analysen/[id]/ergebnisse/kompetenz/[code]',
	'/app/analysen/[id]/ergebnisse/rohdaten',
	'/o/[slug]/analysen/[id]',
	'/o/[slug]/analysen/[id]/export',
	'/o/[slug]/analysen/[id]/kompetenz/[code]'
];
