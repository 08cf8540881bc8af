import { formatCount, formatDecimal } from '../../format/numbers';
import type { ConsensusScore } from './consensus';
import type { OpinionGroupResult, StatementResult } from './results';

/*
 * The Werkstatt's documentation — what the room asked, stated and voted, where it agreed and where
 * opinions parted — as one view that both the PDF and the Markdown file are written from. It takes
 * the results as the suppression rule left them (results.ts): groups below the minimum group size
 * are not described here either, and hidden or unapproved items never reach it.
 */

export interface DocumentationInput {
	readonly title: string;
	readonly organisation: string;
	/** The catalogue module and its session's start (already in words), when the Werkstatt belongs to one. */
	readonly module: { readonly title: string; readonly when: string } | null;
	/** The day of the Werkstatt (session or creation), in words. */
	readonly date: string;
	readonly participants: number;
	/** Visible questions only. */
	readonly questions: readonly { readonly text: string; readonly likes: number; readonly answered: boolean }[];
	/** Visible statements with their counts, per declared group as far as shown (results.ts). */
	readonly statements: readonly StatementResult[];
	readonly consensus: readonly ConsensusScore[];
	readonly declaredConsensus: readonly ConsensusScore[];
	readonly opinionGroups: readonly OpinionGroupResult[];
	readonly minGroupSize: number;
	/** A declared group's name in words (its key otherwise). */
	readonly groupLabel: (key: string) => string;
}

export interface VoteLine {
	readonly label: string;
	readonly agree: number;
	readonly disagree: number;
	readonly pass: number;
}

export interface DocumentationView {
	readonly title: string;
	/** "Organisation: …", "Modul: …", "Datum: …", "Teilnehmende: …". */
	readonly facts: readonly string[];
	readonly questions: readonly { readonly text: string; readonly likes: number; readonly answered: boolean }[];
	readonly statements: readonly { readonly text: string; readonly total: VoteLine; readonly byGroup: readonly VoteLine[] }[];
	/** What the per-group figures leave out and why (null when there are no statements). */
	readonly groupNote: string | null;
	readonly consensus: readonly { readonly text: string; readonly score: string }[];
	readonly declaredConsensus: readonly { readonly text: string; readonly score: string }[];
	readonly opinionGroups: readonly { readonly name: string; readonly size: number; readonly representative: readonly string[] }[];
	/** Why no or not every opinion group is described (null when all are). */
	readonly opinionNote: string | null;
}

/** At most this many statements in each consensus list (the board shows five). */
export const CONSENSUS_SHOWN = 10;

const groupName = (id: number) => `Meinungsgruppe ${String.fromCharCode(65 + id)}`;

/** The documentation's content in German, from the Werkstatt's header and its protected results. */
export function documentationView(input: DocumentationInput): DocumentationView {
	const textOf = new Map(input.statements.map((s) => [s.id, s.text]));
	const scored = (list: readonly ConsensusScore[]) =>
		list.slice(0, CONSENSUS_SHOWN).flatMap((c) => (textOf.has(c.statement) ? [{ text: textOf.get(c.statement)!, score: formatDecimal('de', c.score, 2) }] : []));
	const described = input.opinionGroups.filter((g) => g.described && g.representative.length > 0);
	const hidden = input.opinionGroups.filter((g) => !g.described).length;
	const opinionNote =
		described.length > 1 && !hidden
			? null
			: [
					described.length > 1 ? null : 'Aus den Stimmen ergeben sich (noch) keine Meinungsgruppen, die sich beschreiben lassen.',
					hidden ? `${hidden === 1 ? 'Eine Meinungsgruppe ist' : `${hidden} Meinungsgruppen sind`} kleiner als ${input.minGroupSize} Personen und ${hidden === 1 ? 'wird' : 'werden'} nicht beschrieben.` : null
				]
					.filter(Boolean)
					.join(' ');
	return {
		title: input.title,
		facts: [
			`Organisation: ${input.organisation}`,
			...(input.module ? [`Modul: ${input.module.title} (Termin ${input.module.when})`] : []),
			`Datum: ${input.date}`,
			`Teilnehmende: ${formatCount('de', input.participants)}`
		],
		questions: [...input.questions].sort((a, b) => b.likes - a.likes),
		statements: input.statements.map((s) => ({
			text: s.text,
			total: { label: 'Alle', agree: s.agree, disagree: s.disagree, pass: s.pass },
			byGroup: Object.entries(s.byGroup).map(([key, counts]) => ({ label: input.groupLabel(key), ...counts }))
		})),
		groupNote: input.statements.length
			? `Angaben je Gruppe nur für angegebene Gruppen mit mindestens ${input.minGroupSize} Personen und ${input.minGroupSize} Stimmen zu einer Aussage – und nie so, dass sich eine kleinere Gruppe herausrechnen lässt.`
			: null,
		consensus: scored(input.consensus),
		declaredConsensus: scored(input.declaredConsensus),
		opinionGroups: described.length > 1 ? described.map((g) => ({ name: groupName(g.id), size: g.size, representative: g.representative.flatMap((id) => (textOf.has(id) ? [textOf.get(id)!] : [])) })) : [],
		opinionNote
	};
}

export const votesInWords = (line: VoteLine) => `${line.agree} Zustimmung, ${line.disagree} Ablehnung, ${line.pass} weiß nicht`;

/** Text that Markdown shows as typed: no emphasis, links, headings, HTML or table cells from a participant's words. */
export function markdownText(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
		.replace(/^(\d+)\. /, '$1\\. ')
		.replace(/^-/, '\\-');
}

const table = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];

/** The documentation as Markdown (CommonMark with GFM tables), every participant's text escaped. */
export function documentationMarkdown(view: DocumentationView): string {
	const lines: string[] = [`# ${markdownText(view.title)}`, '', ...view.facts.map((fact) => `- ${markdownText(fact)}`), ''];
	lines.push('## Fragen', '');
	if (view.questions.length) for (const q of view.questions) lines.push(`- ${markdownText(q.text)} (${q.likes === 1 ? '1 Unterstützung' : `${q.likes} Unterstützungen`}, ${q.answered ? 'beantwortet' : 'offen'})`);
	else lines.push('Keine Fragen.');
	lines.push('', '## Aussagen und Abstimmung', '');
	if (view.statements.length) {
		view.statements.forEach((s, i) => {
			lines.push(`${i + 1}. ${markdownText(s.text)}`, `   - Alle: ${votesInWords(s.total)}`);
			for (const g of s.byGroup) lines.push(`   - ${markdownText(g.label)}: ${votesInWords(g)}`);
		});
		if (view.groupNote) lines.push('', `_${view.groupNote}_`);
	} else lines.push('Keine Aussagen.');
	lines.push('', '## Wo sind wir uns einig?', '', 'Aussagen, denen alle Gruppen zustimmen, zuerst: je Gruppe (Zustimmung + 1) / (Stimmen + 2), über die Gruppen multipliziert.', '');
	for (const [heading, list] of [
		['Über die Meinungsgruppen', view.consensus],
		['Über die angegebenen Gruppen', view.declaredConsensus]
	] as const) {
		lines.push(`### ${heading}`, '');
		if (list.length) lines.push(...table(['Aussage', 'Konsens'], list.map((c) => [markdownText(c.text), c.score])));
		else lines.push('Noch keine Aussage mit genug Stimmen.');
		lines.push('');
	}
	lines.push('## Wo gehen die Meinungen auseinander?', '');
	for (const g of view.opinionGroups) {
		lines.push(`### ${g.name} (${g.size} Personen)`, '', 'Diese Aussagen kennzeichnen die Gruppe:', '');
		for (const text of g.representative) lines.push(`- ${markdownText(text)}`);
		lines.push('');
	}
	if (view.opinionNote) lines.push(`_${view.opinionNote}_`, '');
	return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
