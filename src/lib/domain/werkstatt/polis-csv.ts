import { protectFromFormula, unprotectFormula } from '../../format/spreadsheet';
import { parseCsv, writeCsv, type CsvRow } from '../framework/csv';
import { issueAt, type ImportIssue } from '../framework/import-result';
import type { VoteValue } from './vote-matrix';

/*
 * Pol.is export files, as its server writes them (compdemocracy/polis, server/src/routes/export.ts):
 * comma-separated, a header row, "\n" between rows; timestamps in seconds; votes 1 agree, −1
 * disagree, 0 pass; moderated 1 accepted, 0 not yet moderated, −1 moderated out. votes.csv holds
 * every vote ever cast, so a changed vote appears more than once: the latest counts.
 */
export const POLIS_COMMENT_COLUMNS = ['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body'] as const;
export const POLIS_VOTE_COLUMNS = ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'] as const;
export const POLIS_PARTICIPANT_COLUMNS = ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree'] as const;
const REQUIRED_COMMENT_COLUMNS = ['comment-id', 'author-id', 'moderated', 'comment-body'] as const;
const REQUIRED_VOTE_COLUMNS = ['comment-id', 'voter-id', 'vote'] as const;
/** Beyond this many problems a file is clearly not a Pol.is export; more lines would only bury the first. */
const MAX_ISSUES = 20;

export type PolisFile = 'comments.csv' | 'votes.csv';
export type Moderation = -1 | 0 | 1;

export interface PolisComment {
	readonly id: string;
	/** null when the cell is empty (our own export writes seeded statements so). */
	readonly authorId: string | null;
	/** Seconds since 1970, null when the file has no timestamp. */
	readonly timestamp: number | null;
	readonly moderated: Moderation;
	readonly body: string;
}

export interface PolisVote {
	readonly commentId: string;
	readonly voterId: string;
	readonly vote: VoteValue;
	readonly timestamp: number | null;
}

export interface PolisImportIssue extends ImportIssue {
	readonly file: PolisFile;
}

export type PolisImport =
	| { ok: true; comments: PolisComment[]; votes: PolisVote[]; replacedVotes: number }
	| { ok: false; errors: PolisImportIssue[] };

export type Parsed<T> = { ok: true; rows: T[] } | { ok: false; errors: PolisImportIssue[] };

function problem(file: PolisFile, line: number | undefined, column: string | undefined, reason: string): PolisImportIssue {
	const issue = issueAt(line, column, reason);
	return { ...issue, file, message: `${file}: ${issue.message}` };
}

/** Header lookup and the checks every Pol.is file shares; rows without any content are skipped. */
function readTable(file: PolisFile, text: string, required: readonly string[], all: readonly string[]): { ok: true; rows: CsvRow[]; cell: (row: CsvRow, column: string, raw?: 'raw') => string } | { ok: false; errors: PolisImportIssue[] } {
	const parsed = parseCsv(text.replace(/^\uFEFF/, ''), ',');
	if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => ({ ...e, file, message: `${file}: ${e.message}` })) };
	const [header, ...rows] = parsed.rows;
	const names = header.cells.map((cell) => cell.trim().toLowerCase());
	const missing = required.filter((column) => !names.includes(column));
	if (missing.length) {
		const list = missing.map((column) => `„${column}“`).join(', ');
		return {
			ok: false,
			errors: [
				problem(
					file,
					undefined,
					undefined,
					`In Zeile 1 ${missing.length > 1 ? 'fehlen die Spalten' : 'fehlt die Spalte'} ${list}. Ein Pol.is-Export hat die Spalten ${all.join(', ')}. Ist das die Datei ${file} aus einem Pol.is-Export?`
				)
			]
		};
	}
	const index = new Map(names.map((name, i) => [name, i] as const).reverse());
	const cell = (row: CsvRow, column: string, raw?: 'raw') => {
		const value = index.has(column) ? (row.cells[index.get(column)!] ?? '') : '';
		return raw ? value : value.trim();
	};
	return { ok: true, rows, cell };
}

function collect<T>(rows: CsvRow[], read: (row: CsvRow, errors: PolisImportIssue[]) => T | null, file: PolisFile): Parsed<T> {
	const errors: PolisImportIssue[] = [];
	const result: T[] = [];
	for (const row of rows) {
		const value = read(row, errors);
		if (value !== null) result.push(value);
		if (errors.length > MAX_ISSUES) break;
	}
	if (errors.length > MAX_ISSUES) return { ok: false, errors: [...errors.slice(0, MAX_ISSUES), { file, message: `${file}: Weitere Fehler werden nicht aufgeführt. Bitte prüfen Sie, ob die Datei aus einem Pol.is-Export stammt.` }] };
	return errors.length ? { ok: false, errors } : { ok: true, rows: result };
}

function timestampOf(file: PolisFile, row: CsvRow, value: string, errors: PolisImportIssue[]): number | null | undefined {
	if (value === '') return null;
	if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
	errors.push(problem(file, row.line, 'timestamp', `„${value}“ ist kein Zeitstempel. Erwartet werden Sekunden seit 1970, z. B. 1700000000.`));
	return undefined;
}

function idOf(file: PolisFile, row: CsvRow, column: string, value: string, errors: PolisImportIssue[]): string | undefined {
	const id = unprotectFormula(value);
	if (id !== '') return id;
	errors.push(problem(file, row.line, column, 'Die Zelle ist leer; jede Zeile braucht eine Kennung.'));
	return undefined;
}

/** comments.csv of a Pol.is export: every comment, moderated-out ones included (moderated = −1). */
export function parsePolisComments(text: string): Parsed<PolisComment> {
	const file = 'comments.csv';
	const table = readTable(file, text, REQUIRED_COMMENT_COLUMNS, POLIS_COMMENT_COLUMNS);
	if (!table.ok) return table;
	const { cell } = table;
	const seen = new Map<string, number>();
	return collect(
		table.rows,
		(row, errors) => {
			const before = errors.length;
			const id = idOf(file, row, 'comment-id', cell(row, 'comment-id'), errors);
			const authorId = unprotectFormula(cell(row, 'author-id')) || null;
			const timestamp = timestampOf(file, row, cell(row, 'timestamp'), errors);
			const moderatedText = cell(row, 'moderated');
			const moderated = ({ '-1': -1, '0': 0, '1': 1 } as const)[moderatedText as '-1' | '0' | '1'];
			if (moderated === undefined) errors.push(problem(file, row.line, 'moderated', `„${moderatedText}“ ist kein Moderationsstand. Erlaubt sind 1 (freigegeben), 0 (nicht moderiert) und -1 (ausgeblendet).`));
			if (id !== undefined) {
				const first = seen.get(id);
				if (first !== undefined) errors.push(problem(file, row.line, 'comment-id', `Die Aussage „${id}“ steht schon in Zeile ${first}. Jede comment-id darf nur einmal vorkommen.`));
				else seen.set(id, row.line);
			}
			const body = unprotectFormula(cell(row, 'comment-body', 'raw'));
			if (errors.length > before || id === undefined || timestamp === undefined || moderated === undefined) return null;
			return { id, authorId, timestamp, moderated, body };
		},
		file
	);
}

/**
 * votes.csv of a Pol.is export. Every comment-id must be one of `commentIds`. A voter's repeated
 * votes on one comment (Pol.is keeps each change) collapse into the latest — by timestamp, on equal
 * or missing timestamps the later row; `replaced` counts the votes superseded that way.
 */
export function parsePolisVotes(text: string, commentIds: ReadonlySet<string>): { ok: true; rows: PolisVote[]; replaced: number } | { ok: false; errors: PolisImportIssue[] } {
	const file = 'votes.csv';
	const table = readTable(file, text, REQUIRED_VOTE_COLUMNS, POLIS_VOTE_COLUMNS);
	if (!table.ok) return table;
	const { cell } = table;
	const parsed = collect(
		table.rows,
		(row, errors) => {
			const before = errors.length;
			const commentId = idOf(file, row, 'comment-id', cell(row, 'comment-id'), errors);
			const voterId = idOf(file, row, 'voter-id', cell(row, 'voter-id'), errors);
			const timestamp = timestampOf(file, row, cell(row, 'timestamp'), errors);
			const voteText = cell(row, 'vote');
			const vote = ({ '-1': -1, '0': 0, '1': 1 } as const)[voteText as '-1' | '0' | '1'];
			if (vote === undefined) errors.push(problem(file, row.line, 'vote', `„${voteText}“ ist keine Stimme. Erlaubt sind 1 (stimme zu), -1 (stimme nicht zu) und 0 (überspringen).`));
			if (commentId !== undefined && !commentIds.has(commentId)) errors.push(problem(file, row.line, 'comment-id', `Die Aussage „${commentId}“ steht nicht in comments.csv. Bitte laden Sie beide Dateien aus demselben Pol.is-Export hoch.`));
			if (errors.length > before || commentId === undefined || voterId === undefined || timestamp === undefined || vote === undefined) return null;
			return { commentId, voterId, vote, timestamp };
		},
		file
	);
	if (!parsed.ok) return parsed;
	const latest = new Map<string, PolisVote>();
	for (const vote of parsed.rows) {
		const key = `${vote.voterId}\u0000${vote.commentId}`;
		const earlier = latest.get(key);
		if (earlier && earlier.timestamp !== null && vote.timestamp !== null && earlier.timestamp > vote.timestamp) continue;
		latest.set(key, vote);
	}
	return { ok: true, rows: [...latest.values()], replaced: parsed.rows.length - latest.size };
}

/** Both files of a Pol.is export, checked together; the import is all or nothing. */
export function parsePolisExport(files: { comments: string; votes: string }): PolisImport {
	const comments = parsePolisComments(files.comments);
	if (!comments.ok) return comments;
	const votes = parsePolisVotes(files.votes, new Set(comments.rows.map((c) => c.id)));
	if (!votes.ok) return votes;
	return { ok: true, comments: comments.rows, votes: votes.rows, replacedVotes: votes.replaced };
}

// ——— Export ———

export interface PolisExportStatement {
	readonly id: string;
	/** The participant who wrote it; null for statements the facilitator seeded. */
	readonly authorId: string | null;
	/** Milliseconds since 1970. */
	readonly createdAt: number;
	readonly text: string;
	readonly moderated: Moderation;
}

export interface PolisExportVote {
	readonly participant: string;
	readonly statement: string;
	readonly vote: VoteValue;
	/** Milliseconds since 1970. */
	readonly createdAt: number;
}

export interface PolisExportInput {
	readonly topic: string;
	readonly description: string;
	readonly url: string;
	readonly statements: readonly PolisExportStatement[];
	readonly votes: readonly PolisExportVote[];
	/** Opinion group per participant (participants-votes.csv "group-id"); those not clustered stay empty. */
	readonly groupOf: ReadonlyMap<string, number>;
	readonly groupCount: number;
	/** Seed statements have no author in Stadtwissen; Pol.is always names one. Default "". */
	readonly seedAuthorId?: string;
}

export type PolisExportFile = 'comments.csv' | 'votes.csv' | 'participants-votes.csv' | 'summary.csv';
export const POLIS_EXPORT_FILES: readonly PolisExportFile[] = ['comments.csv', 'votes.csv', 'participants-votes.csv', 'summary.csv'];

/** Numeric ids (as Pol.is has) in numeric order, others in code-unit order after them. */
export function compareIds(a: string, b: string): number {
	const numeric = /^\d+$/;
	const [na, nb] = [numeric.test(a), numeric.test(b)];
	if (na && nb) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
	if (na !== nb) return na ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Pol.is writes JavaScript's Date#toString; ours is the same shape, always in UTC, so exports do not depend on the server's time zone. */
export function polisDatetime(milliseconds: number): string {
	const d = new Date(milliseconds);
	return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
}

const seconds = (milliseconds: number) => String(Math.floor(milliseconds / 1000));
/** Texts and ids pass through protectFromFormula; numbers never start with a formula character. */
const text = protectFromFormula;
const csv = (rows: (string | number)[][]) => writeCsv(rows.map((row) => row.map(String)), ',', '\n');

function sortedStatements(input: PolisExportInput): PolisExportStatement[] {
	return [...input.statements].sort((a, b) => compareIds(a.id, b.id));
}

export function polisCommentsCsv(input: PolisExportInput): string {
	const agrees = new Map<string, number>();
	const disagrees = new Map<string, number>();
	for (const vote of input.votes) {
		if (vote.vote === 1) agrees.set(vote.statement, (agrees.get(vote.statement) ?? 0) + 1);
		if (vote.vote === -1) disagrees.set(vote.statement, (disagrees.get(vote.statement) ?? 0) + 1);
	}
	return csv([
		[...POLIS_COMMENT_COLUMNS],
		...sortedStatements(input).map((s) => [
			seconds(s.createdAt),
			polisDatetime(s.createdAt),
			text(s.id),
			text(s.authorId ?? input.seedAuthorId ?? ''),
			agrees.get(s.id) ?? 0,
			disagrees.get(s.id) ?? 0,
			s.moderated,
			text(s.text)
		])
	]);
}

export function polisVotesCsv(input: PolisExportInput): string {
	const votes = [...input.votes].sort((a, b) => compareIds(a.statement, b.statement) || compareIds(a.participant, b.participant));
	return csv([[...POLIS_VOTE_COLUMNS], ...votes.map((v) => [seconds(v.createdAt), polisDatetime(v.createdAt), text(v.statement), text(v.participant), v.vote])]);
}

/** One row per participant who voted: group, counts, then their vote on every comment (empty = not voted). */
export function polisParticipantsVotesCsv(input: PolisExportInput): string {
	const statements = sortedStatements(input);
	const column = new Map(statements.map((s, i) => [s.id, i]));
	const byParticipant = new Map<string, (VoteValue | undefined)[]>();
	for (const vote of input.votes) {
		const c = column.get(vote.statement);
		if (c === undefined) continue;
		let row = byParticipant.get(vote.participant);
		if (!row) byParticipant.set(vote.participant, (row = new Array(statements.length).fill(undefined)));
		row[c] = vote.vote;
	}
	const comments = new Map<string, number>();
	for (const s of statements) if (s.authorId !== null) comments.set(s.authorId, (comments.get(s.authorId) ?? 0) + 1);
	const participants = [...byParticipant.keys()].sort(compareIds);
	return csv([
		[...POLIS_PARTICIPANT_COLUMNS, ...statements.map((s) => text(s.id))],
		...participants.map((participant) => {
			const row = byParticipant.get(participant)!;
			const voted = row.filter((v) => v !== undefined);
			return [
				text(participant),
				input.groupOf.get(participant) ?? '',
				comments.get(participant) ?? 0,
				voted.length,
				voted.filter((v) => v === 1).length,
				voted.filter((v) => v === -1).length,
				...row.map((v) => (v === undefined ? '' : v))
			];
		})
	]);
}

/** Pol.is summary.csv: name–value rows without a header. */
export function polisSummaryCsv(input: PolisExportInput): string {
	const voters = new Set(input.votes.map((v) => v.participant)).size;
	const commenters = new Set(input.statements.flatMap((s) => (s.authorId === null ? [] : [s.authorId]))).size;
	return csv([
		['topic', text(input.topic)],
		['url', text(input.url)],
		['voters', voters],
		['voters-in-conv', input.groupOf.size],
		['commenters', commenters],
		['comments', input.statements.length],
		['groups', input.groupCount],
		['conversation-description', text(input.description)]
	]);
}

export function polisExportFile(file: PolisExportFile, input: PolisExportInput): string {
	switch (file) {
		case 'comments.csv':
			return polisCommentsCsv(input);
		case 'votes.csv':
			return polisVotesCsv(input);
		case 'participants-votes.csv':
			return polisParticipantsVotesCsv(input);
		case 'summary.csv':
			return polisSummaryCsv(input);
	}
}
