import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { protectFromFormula, unprotectFormula } from '../../format/spreadsheet';
import { decodeEntry, type DecodeResult } from './codec';
import { STAKEHOLDER_GROUPS, STAKEHOLDER_LABELS, STATUS_LABELS, VOICE_GROUPS, VOICE_LABELS, type GlossaryEntryContent, type GlossaryStatus, type StakeholderGroup } from './entry';

/*
 * Exchange formats of the glossary: a CSV that German Excel opens as it is (UTF-8 with BOM, `;`,
 * lists joined with " | ", every text protected from running as a formula), and SKOS as JSON-LD
 * (a skos:ConceptScheme per organisation, a skos:Concept per entry), so that a state academy can
 * share one glossary with its municipalities. What SKOS has no word for (status, groups that
 * agreed, the other groups' words, competences) travels in Stadtwissen's own terms (`sw:`) and
 * is also written as skos:scopeNote text for other tools.
 */

const LIST = ' | ';

const CSV_COLUMNS = [
	['term', 'Begriff'],
	['plain', 'Erklärung'],
	...VOICE_GROUPS.map((group) => [`voice_${group}`, `So sagt: ${VOICE_LABELS[group]}`] as const),
	['example', 'Beispielsatz'],
	['synonyms', 'Synonyme'],
	['forms', 'Wortformen'],
	['competences', 'Kompetenzen'],
	['sources', 'Quellen'],
	['status', 'Status'],
	['agreedBy', 'Geeinigt haben sich']
] as const;

type ColumnKey = (typeof CSV_COLUMNS)[number][0];

const statusByLabel = new Map<string, GlossaryStatus>(Object.entries(STATUS_LABELS).map(([key, label]) => [label.toLowerCase(), key as GlossaryStatus]));
const groupByLabel = new Map<string, StakeholderGroup>(Object.entries(STAKEHOLDER_LABELS).map(([key, label]) => [label.toLowerCase(), key as StakeholderGroup]));

function cell(entry: GlossaryEntryContent, key: ColumnKey): string {
	if (key.startsWith('voice_')) return entry.voices[key.slice(6) as keyof typeof entry.voices] ?? '';
	switch (key) {
		case 'status':
			return STATUS_LABELS[entry.status];
		case 'agreedBy':
			return entry.agreedBy.map((group) => STAKEHOLDER_LABELS[group]).join(LIST);
		case 'synonyms':
		case 'forms':
		case 'competences':
		case 'sources':
			return entry[key].join(LIST);
		default:
			return entry[key as 'term' | 'plain' | 'example'];
	}
}

export function glossaryToCsv(entries: readonly GlossaryEntryContent[]): string {
	const records = [CSV_COLUMNS.map(([, header]) => header), ...entries.map((entry) => CSV_COLUMNS.map(([key]) => protectFromFormula(cell(entry, key))))];
	return stringify(records, { delimiter: ';', record_delimiter: 'windows', bom: true });
}

const splitList = (text: string) =>
	text
		.split(/\s*\|\s*/)
		.map((item) => item.trim())
		.filter(Boolean);

/** Reads a CSV as glossaryToCsv writes it (columns found by their header, `;` or `,`); problems by line. */
export function glossaryFromCsv(text: string): DecodeResult<GlossaryEntryContent[]> {
	const source = text.replace(/^\uFEFF/, '');
	const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	let records: string[][];
	try {
		records = parse(source, { delimiter, relax_column_count: true, skip_empty_lines: true });
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		return { ok: false, issues: [{ path: 'file', message: 'Die CSV-Datei lässt sich nicht lesen. Bitte prüfen Sie die Anführungszeichen.' }] };
	}
	const [header, ...rows] = records;
	if (!header) return { ok: false, issues: [{ path: 'file', message: 'Die Datei ist leer.' }] };
	const index = new Map<ColumnKey, number>();
	header.forEach((name, i) => {
		const column = CSV_COLUMNS.find(([key, label]) => label.toLowerCase() === name.trim().toLowerCase() || key === name.trim());
		if (column) index.set(column[0], i);
	});
	if (!index.has('term') || !index.has('plain')) return { ok: false, issues: [{ path: 'file', message: 'Die erste Zeile braucht mindestens die Spalten „Begriff“ und „Erklärung“.' }] };
	const issues: { path: string; message: string }[] = [];
	const entries: GlossaryEntryContent[] = [];
	rows.forEach((row, i) => {
		const get = (key: ColumnKey) => unprotectFormula((index.has(key) ? row[index.get(key)!] : '') ?? '').trim();
		const status = get('status');
		const decoded = decodeEntry(
			{
				term: get('term'),
				plain: get('plain'),
				voices: Object.fromEntries(VOICE_GROUPS.map((group) => [group, get(`voice_${group}` as ColumnKey)]).filter(([, words]) => words)),
				example: get('example'),
				synonyms: splitList(get('synonyms')),
				forms: splitList(get('forms')),
				competences: splitList(get('competences')),
				sources: splitList(get('sources')),
				status: status ? (statusByLabel.get(status.toLowerCase()) ?? status) : 'vorschlag',
				agreedBy: splitList(get('agreedBy')).map((label) => groupByLabel.get(label.toLowerCase()) ?? label)
			},
			`Zeile ${i + 2}`
		);
		if (decoded.ok) entries.push(decoded.value);
		else issues.push(...decoded.issues);
	});
	return issues.length ? { ok: false, issues } : { ok: true, value: entries };
}

// ── SKOS (JSON-LD) ──────────────────────────────────────────────────────────────────────────

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DCT = 'http://purl.org/dc/terms/';
const SW = 'urn:stadtwissen:glossar:';

export const SKOS_CONTEXT = { skos: SKOS, dct: DCT, sw: SW } as const;

const de = (value: string) => ({ '@value': value, '@language': 'de' });

export interface SkosScheme {
	/** The scheme's address, e.g. https://…/o/<slug>/glossar */
	uri: string;
	title: string;
}

/** The glossary as one skos:ConceptScheme with a skos:Concept per entry, each at its public address. */
export function glossaryToSkos(scheme: SkosScheme, entries: readonly (GlossaryEntryContent & { slug: string })[]) {
	const conceptUri = (slug: string) => `${scheme.uri}/${slug}`;
	return {
		'@context': SKOS_CONTEXT,
		'@graph': [
			{
				'@id': scheme.uri,
				'@type': 'skos:ConceptScheme',
				'skos:prefLabel': de(scheme.title),
				'skos:hasTopConcept': entries.map((entry) => ({ '@id': conceptUri(entry.slug) }))
			},
			...entries.map((entry) => ({
				'@id': conceptUri(entry.slug),
				'@type': 'skos:Concept',
				'skos:inScheme': { '@id': scheme.uri },
				'skos:topConceptOf': { '@id': scheme.uri },
				'skos:prefLabel': de(entry.term),
				'skos:altLabel': entry.synonyms.map(de),
				'skos:hiddenLabel': entry.forms.map(de),
				'skos:definition': de(entry.plain),
				...(entry.example ? { 'skos:example': de(entry.example) } : {}),
				'skos:scopeNote': VOICE_GROUPS.filter((group) => entry.voices[group]).map((group) => de(`${VOICE_LABELS[group]}: ${entry.voices[group]}`)),
				'dct:source': entry.sources,
				'sw:status': entry.status,
				'sw:agreedBy': entry.agreedBy,
				'sw:competences': entry.competences,
				...Object.fromEntries(VOICE_GROUPS.filter((group) => entry.voices[group]).map((group) => [`sw:voice_${group}`, entry.voices[group]]))
			}))
		]
	};
}

type Node = Record<string, unknown>;

/** A property by its compact (`skos:x`), full or bare name. */
function prop(node: Node, prefix: string, name: string, short: string): unknown {
	return node[`${short}:${name}`] ?? node[`${prefix}${name}`] ?? node[name];
}

/** Plain strings from a JSON-LD value: strings, {@value}, or lists of them; German first where languages are given. */
function strings(value: unknown): string[] {
	const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
	const out: { text: string; lang?: string }[] = [];
	for (const item of list) {
		if (typeof item === 'string') out.push({ text: item });
		else if (item && typeof item === 'object' && typeof (item as Node)['@value'] === 'string') out.push({ text: (item as Node)['@value'] as string, lang: (item as Node)['@language'] as string | undefined });
	}
	const german = out.filter((item) => !item.lang || item.lang.toLowerCase().startsWith('de'));
	return (german.length ? german : out).map((item) => item.text);
}

const isConcept = (node: Node) => {
	const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
	return types.some((type) => type === 'skos:Concept' || type === `${SKOS}Concept` || type === 'Concept');
};

/** Reads the concepts of a SKOS JSON-LD document (compacted with the usual prefixes, or with full IRIs). */
export function glossaryFromSkos(document: unknown): DecodeResult<GlossaryEntryContent[]> {
	const root = document as Node | Node[] | null;
	const nodes: Node[] = Array.isArray(root) ? root : root && typeof root === 'object' ? (Array.isArray(root['@graph']) ? (root['@graph'] as Node[]) : [root]) : [];
	const concepts = nodes.filter((node) => node && typeof node === 'object' && isConcept(node));
	if (!concepts.length) return { ok: false, issues: [{ path: 'file', message: 'In der Datei steht kein skos:Concept. Ist es ein SKOS-Dokument im JSON-LD-Format?' }] };
	const issues: { path: string; message: string }[] = [];
	const entries: GlossaryEntryContent[] = [];
	concepts.forEach((node, i) => {
		const skos = (name: string) => strings(prop(node, SKOS, name, 'skos'));
		const sw = (name: string) => strings(prop(node, SW, name, 'sw'));
		const voices = Object.fromEntries(VOICE_GROUPS.map((group) => [group, sw(`voice_${group}`)[0] ?? '']).filter(([, words]) => words));
		const status = sw('status')[0];
		const label = skos('prefLabel')[0] ?? `Begriff ${i + 1}`;
		const decoded = decodeEntry(
			{
				term: skos('prefLabel')[0] ?? '',
				plain: skos('definition')[0] ?? '',
				voices,
				example: skos('example')[0] ?? '',
				synonyms: skos('altLabel'),
				forms: skos('hiddenLabel'),
				competences: sw('competences'),
				sources: strings(prop(node, DCT, 'source', 'dct')),
				status: status ?? 'vorschlag',
				agreedBy: sw('agreedBy').filter((group) => (STAKEHOLDER_GROUPS as readonly string[]).includes(group))
			},
			label
		);
		if (decoded.ok) entries.push(decoded.value);
		else issues.push(...decoded.issues);
	});
	return issues.length ? { ok: false, issues } : { ok: true, value: entries };
}
