import { decodeImportInput } from './decode';
import type { ImportIssue, ImportResult } from './import-result';
import { validateFramework, type Area, type Competence, type FrameworkDocument, type FrameworkIssue } from './model';

export const JSON_FORMAT = 'stadtwissen-framework';
export const JSON_FORMAT_VERSION = 1;

/* Every object is rebuilt with a fixed key order, so the same framework always gives the same file. */

function competenceToJson(competence: Competence) {
	return {
		code: competence.code,
		title_de: competence.title_de,
		title_en: competence.title_en,
		description_de: competence.description_de,
		description_en: competence.description_en,
		type: competence.type,
		tags: {
			principles: competence.tags.principles,
			dimensions: competence.tags.dimensions,
			levels: competence.tags.levels,
			fields: competence.tags.fields
		},
		...(competence.escoUri === undefined ? {} : { escoUri: competence.escoUri }),
		...(competence.firstSteps_de === undefined ? {} : { firstSteps_de: competence.firstSteps_de }),
		...(competence.firstSteps_en === undefined ? {} : { firstSteps_en: competence.firstSteps_en }),
		...(competence.source_de === undefined ? {} : { source_de: competence.source_de }),
		...(competence.source_en === undefined ? {} : { source_en: competence.source_en }),
		position: competence.position,
		archived: competence.archived
	};
}

function areaToJson(area: Area) {
	return {
		code: area.code,
		title_de: area.title_de,
		title_en: area.title_en,
		description_de: area.description_de,
		description_en: area.description_en,
		position: area.position,
		archived: area.archived,
		competences: area.competences.map(competenceToJson)
	};
}

export function exportFrameworkJson(framework: FrameworkDocument): string {
	const { meta } = framework;
	const document = {
		format: JSON_FORMAT,
		version: JSON_FORMAT_VERSION,
		meta: {
			code: meta.code,
			name_de: meta.name_de,
			name_en: meta.name_en,
			description_de: meta.description_de,
			description_en: meta.description_en,
			source_de: meta.source_de,
			source_en: meta.source_en,
			languages: meta.languages,
			...(meta.kind === undefined ? {} : { kind: meta.kind })
		},
		areas: framework.areas.map(areaToJson)
	};
	return `${JSON.stringify(document, null, 2)}\n`;
}

const failure = (errors: ImportIssue[]): ImportResult => ({ ok: false, errors });

function lineOfPosition(text: string, syntaxError: SyntaxError): number | undefined {
	const position = /position (\d+)/.exec(syntaxError.message);
	if (position === null) return undefined;
	return text.slice(0, Number(position[1])).split('\n').length;
}

function pathToString(path: FrameworkIssue['path']): string {
	return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function codeAt(value: unknown, ...keys: (string | number)[]): string | undefined {
	let current = value;
	for (const key of keys) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string | number, unknown>)[key];
	}
	return typeof current === 'string' && current.trim() !== '' ? current : undefined;
}

/** Names the place of an issue the way a person reading the file would look for it. */
function describeLocation(document: unknown, path: FrameworkIssue['path']): string {
	const [section, areaIndex, nested, competenceIndex] = path;
	if (section === undefined) return 'Kompetenzrahmen';
	if (section === 'meta') {
		return path.length > 1 ? `Angaben zum Kompetenzrahmen, Feld „${pathToString(path.slice(1))}“` : 'Angaben zum Kompetenzrahmen';
	}
	if (section !== 'areas' || typeof areaIndex !== 'number') return `Feld „${pathToString(path)}“`;
	if (nested === 'competences' && typeof competenceIndex === 'number') {
		const code = codeAt(document, 'areas', areaIndex, 'competences', competenceIndex, 'code');
		const name = code === undefined ? `Kompetenz Nr. ${competenceIndex + 1} im Bereich Nr. ${areaIndex + 1}` : `Kompetenz „${code}“`;
		return path.length > 4 ? `${name}, Feld „${pathToString(path.slice(4))}“` : name;
	}
	const code = codeAt(document, 'areas', areaIndex, 'code');
	const name = code === undefined ? `Bereich Nr. ${areaIndex + 1}` : `Bereich „${code}“`;
	return path.length > 2 ? `${name}, Feld „${pathToString(path.slice(2))}“` : name;
}

/** Reads a file in the format of {@link exportFrameworkJson}; see FORMAT.md. */
export function importFrameworkJson(input: Uint8Array | string): ImportResult {
	const decoded = decodeImportInput(input, 'json');
	if (!decoded.ok) return decoded;

	let document: unknown;
	try {
		document = JSON.parse(decoded.text);
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw error;
		const line = lineOfPosition(decoded.text, error);
		const reason = 'Die Datei ist kein gültiges JSON.';
		return failure([line === undefined ? { message: reason } : { line, message: `Zeile ${line}: ${reason}` }]);
	}

	const result = readFrameworkJsonDocument(document);
	return result.ok ? { ...result, warnings: decoded.warnings } : result;
}

/** Checks an already parsed document in the format of {@link exportFrameworkJson}: format marker, version, framework. */
export function readFrameworkJsonDocument(document: unknown): ImportResult {
	if (typeof document !== 'object' || document === null || Array.isArray(document)) {
		return failure([{ message: 'Die Datei enthält kein JSON-Objekt.' }]);
	}
	const { format, version, ...framework } = document as Record<string, unknown>;
	if (format !== JSON_FORMAT) {
		return failure([
			{ path: 'format', message: `Die Datei ist kein Stadtwissen-Kompetenzrahmen: Das Feld „format“ muss „${JSON_FORMAT}“ lauten.` }
		]);
	}
	if (version !== JSON_FORMAT_VERSION) {
		return failure([
			{
				path: 'version',
				message: `Die Formatversion ${JSON.stringify(version)} wird nicht unterstützt. Diese Version von Stadtwissen liest Version ${JSON_FORMAT_VERSION}.`
			}
		]);
	}

	const validation = validateFramework(framework);
	if (!validation.ok) {
		return failure(
			validation.issues.map((issue) => ({
				...(issue.path.length > 0 ? { path: pathToString(issue.path) } : {}),
				message: `${describeLocation(framework, issue.path)}: ${issue.message}`
			}))
		);
	}
	return { ok: true, framework: validation.framework, warnings: [] };
}
