import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plantedVotes } from '../../../../tests/helpers/werkstatt-votes';
import { opinionGroups } from './opinion-groups';
import {
	compareIds,
	parsePolisComments,
	parsePolisExport,
	parsePolisVotes,
	polisCommentsCsv,
	polisDatetime,
	polisExportFile,
	polisParticipantsVotesCsv,
	polisSummaryCsv,
	polisVotesCsv,
	type PolisExportInput
} from './polis-csv';

// Shaped like a real Pol.is export: seconds, JavaScript date strings, a quoted body with comma and line break.
const COMMENTS = `timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
1700000000,Tue Nov 14 2023 22:13:20 GMT+0000 (Coordinated Universal Time),0,0,2,1,1,Mehr Bänke am Marktplatz
1700000060,Tue Nov 14 2023 22:14:20 GMT+0000 (Coordinated Universal Time),1,3,0,1,-1,"Werbung, bitte ausblenden"
1700000120,Tue Nov 14 2023 22:15:20 GMT+0000 (Coordinated Universal Time),2,4,1,0,0,"Zwei Zeilen:
Radwege zuerst"
`;
const VOTES = `timestamp,datetime,comment-id,voter-id,vote
1700000200,Tue Nov 14 2023 22:16:40 GMT+0000 (Coordinated Universal Time),0,0,1
1700000210,Tue Nov 14 2023 22:16:50 GMT+0000 (Coordinated Universal Time),0,3,1
1700000220,Tue Nov 14 2023 22:17:00 GMT+0000 (Coordinated Universal Time),0,4,-1
1700000300,Tue Nov 14 2023 22:18:20 GMT+0000 (Coordinated Universal Time),2,0,1
1700000230,Tue Nov 14 2023 22:17:10 GMT+0000 (Coordinated Universal Time),1,0,-1
1700000250,Tue Nov 14 2023 22:17:30 GMT+0000 (Coordinated Universal Time),2,0,0
`;

describe('parsePolisExport', () => {
	it('reads comments with their moderation and the latest of each voter’s votes', () => {
		const result = parsePolisExport({ comments: COMMENTS, votes: VOTES });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.comments).toEqual([
			{ id: '0', authorId: '0', timestamp: 1700000000, moderated: 1, body: 'Mehr Bänke am Marktplatz' },
			{ id: '1', authorId: '3', timestamp: 1700000060, moderated: -1, body: 'Werbung, bitte ausblenden' },
			{ id: '2', authorId: '4', timestamp: 1700000120, moderated: 0, body: 'Zwei Zeilen:\nRadwege zuerst' }
		]);
		// Voter 0 passed on comment 2 at …250 but agreed at …300: the later vote counts, although its row comes first.
		expect(result.votes).toHaveLength(5);
		expect(result.votes.find((v) => v.voterId === '0' && v.commentId === '2')).toMatchObject({ vote: 1, timestamp: 1700000300 });
		expect(result.replacedVotes).toBe(1);
	});

	it('accepts a byte order mark, columns in another order and no timestamps', () => {
		const comments = '\uFEFFcomment-body,moderated,author-id,comment-id\nHallo,1,7,12\n';
		const votes = 'vote,voter-id,comment-id\n0,8,12\n';
		const result = parsePolisExport({ comments, votes });
		expect(result).toEqual({
			ok: true,
			comments: [{ id: '12', authorId: '7', timestamp: null, moderated: 1, body: 'Hallo' }],
			votes: [{ commentId: '12', voterId: '8', vote: 0, timestamp: null }],
			replacedVotes: 0
		});
	});

	it('names a missing column in German', () => {
		const result = parsePolisComments('timestamp,comment-id,author-id,moderated\n1,0,0,1\n');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0].message).toBe(
			'comments.csv: In Zeile 1 fehlt die Spalte „comment-body“. Ein Pol.is-Export hat die Spalten timestamp, datetime, comment-id, author-id, agrees, disagrees, moderated, comment-body. Ist das die Datei comments.csv aus einem Pol.is-Export?'
		);
		const votes = parsePolisVotes('comment-id,voter\n0,1\n', new Set(['0']));
		expect(!votes.ok && votes.errors[0].message).toContain('In Zeile 1 fehlen die Spalten „voter-id“, „vote“.');
	});

	it('names the line of a wrong vote value and of a comment id that is not in comments.csv', () => {
		const votes = 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,0,2,2\n3,x,9,3,-1\n4,x,0,4,agree\n';
		const result = parsePolisExport({ comments: COMMENTS, votes });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((e) => [e.file, e.line, e.column])).toEqual([
			['votes.csv', 3, 'vote'],
			['votes.csv', 4, 'comment-id'],
			['votes.csv', 5, 'vote']
		]);
		expect(result.errors[0].message).toBe('votes.csv: Zeile 3, Spalte „vote“: „2“ ist keine Stimme. Erlaubt sind 1 (stimme zu), -1 (stimme nicht zu) und 0 (überspringen).');
		expect(result.errors[1].message).toBe('votes.csv: Zeile 4, Spalte „comment-id“: Die Aussage „9“ steht nicht in comments.csv. Bitte laden Sie beide Dateien aus demselben Pol.is-Export hoch.');
	});

	it('counts rows as spreadsheets do, a line break inside a comment starting no new row', () => {
		const comments = COMMENTS + '1700000180,x,3,5,0,0,2,Falsch moderiert\n1700000190,x,2,5,0,0,1,Doppelt\n';
		const result = parsePolisComments(comments);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((e) => e.message)).toEqual([
			'comments.csv: Zeile 5, Spalte „moderated“: „2“ ist kein Moderationsstand. Erlaubt sind 1 (freigegeben), 0 (nicht moderiert) und -1 (ausgeblendet).',
			'comments.csv: Zeile 6, Spalte „comment-id“: Die Aussage „2“ steht schon in Zeile 4. Jede comment-id darf nur einmal vorkommen.'
		]);
	});

	it('refuses an empty file, an empty id, a bad timestamp and an unclosed quote', () => {
		const empty = parsePolisComments('');
		expect(!empty.ok && empty.errors[0].message).toBe('comments.csv: Die Datei ist leer.');
		const bad = parsePolisVotes('timestamp,comment-id,voter-id,vote\ngestern,0,1,1\n1,0,,1\n', new Set(['0']));
		expect(!bad.ok && bad.errors.map((e) => e.message)).toEqual([
			'votes.csv: Zeile 2, Spalte „timestamp“: „gestern“ ist kein Zeitstempel. Erwartet werden Sekunden seit 1970, z. B. 1700000000.',
			'votes.csv: Zeile 3, Spalte „voter-id“: Die Zelle ist leer; jede Zeile braucht eine Kennung.'
		]);
		const quote = parsePolisComments('comment-id,author-id,moderated,comment-body\n0,0,1,"offen\n');
		expect(!quote.ok && quote.errors[0].message).toMatch(/^comments\.csv: .*Anführungszeichen/);
	});

	it('stops listing after 20 problems', () => {
		const votes = 'comment-id,voter-id,vote\n' + Array.from({ length: 100 }, (_, i) => `0,${i},5`).join('\n');
		const result = parsePolisVotes(votes, new Set(['0']));
		expect(!result.ok && result.errors).toHaveLength(21);
		expect(!result.ok && result.errors[20].message).toContain('Weitere Fehler werden nicht aufgeführt');
	});
});

function exportInput(): PolisExportInput {
	const planted = plantedVotes({ groups: 2, perGroup: 12, statements: 9, seen: 0.8, noise: 0.1, seed: 21 });
	const groups = opinionGroups(planted.votes, planted.statements);
	const texts = ['=SUMME(A1)', '-1 ist zu wenig', '@alle: "bitte" lesen', 'Zeile eins\nZeile zwei', 'Komma, Semikolon; Ende', "'=schon geschützt", ' führendes Leerzeichen', 'Umlaute äöüß', '+49 Stadt'];
	return {
		topic: '=Verkehrswende',
		description: 'Werkstatt im Modul „Stadt gemeinsam machen“',
		url: 'https://stadtwissen.example/w/ABC234',
		statements: planted.statements.map((id, i) => ({ id, authorId: i < 3 ? null : `p0-0000${i % 4}`, createdAt: 1_700_000_000_000 + i * 1000, text: texts[i], moderated: i === 4 ? -1 : 1 })),
		votes: planted.votes.map((v, i) => ({ ...v, createdAt: 1_700_000_100_000 + i * 1500 })),
		groupOf: new Map(groups.participants.map((p) => [p.participant, p.group])),
		groupCount: groups.k
	};
}

describe('Pol.is export', () => {
	it('round trip: export → import keeps every vote, every statement text and the moderation', () => {
		const input = exportInput();
		const result = parsePolisExport({ comments: polisCommentsCsv(input), votes: polisVotesCsv(input) });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.replacedVotes).toBe(0);
		const key = (statement: string, participant: string, vote: number) => `${statement}|${participant}|${vote}`;
		expect(result.votes.map((v) => key(v.commentId, v.voterId, v.vote)).sort()).toEqual(input.votes.map((v) => key(v.statement, v.participant, v.vote)).sort());
		expect(result.votes.map((v) => v.timestamp).sort()).toEqual(input.votes.map((v) => Math.floor(v.createdAt / 1000)).sort());
		expect(result.comments.map((c) => [c.id, c.authorId, c.body, c.moderated])).toEqual(input.statements.map((s) => [s.id, s.authorId, s.text, s.moderated]));
	});

	it('round trip keeps any statement text: quotes, commas, line breaks, lone carriage returns, formula starts, edge spaces', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'ß', ' ', ',', ';', '"', "'", '=', '+', '-', '@', '\t', '\r', '\n', '„') }), { minLength: 1, maxLength: 6 }), (texts) => {
				const input: PolisExportInput = {
					topic: 't',
					description: '',
					url: '',
					statements: texts.map((text, i) => ({ id: String(i), authorId: null, createdAt: 0, text, moderated: 1 })),
					votes: texts.map((_, i) => ({ participant: '7', statement: String(i), vote: 1, createdAt: 0 })),
					groupOf: new Map(),
					groupCount: 0
				};
				const result = parsePolisExport({ comments: polisCommentsCsv(input), votes: polisVotesCsv(input) });
				if (!result.ok) throw new Error(JSON.stringify(result.errors));
				expect(result.comments.map((c) => c.body)).toEqual(texts);
				expect(result.votes).toHaveLength(texts.length);
			})
		);
	});

	it('writes texts that spreadsheets would run as formulas with a leading apostrophe, numbers untouched', () => {
		const input = exportInput();
		const comments = parse(polisCommentsCsv(input), { columns: true }) as Record<string, string>[];
		expect(comments.map((c) => c['comment-body']).slice(0, 3)).toEqual(["'=SUMME(A1)", "'-1 ist zu wenig", '\'@alle: "bitte" lesen']);
		expect(comments.map((c) => c['comment-body'])[5]).toBe("''=schon geschützt");
		expect(comments[4].moderated).toBe('-1');
		const votes = parse(polisVotesCsv(input), { columns: true }) as Record<string, string>[];
		expect(new Set(votes.map((v) => v.vote))).toEqual(new Set(['1', '-1', '0']));
		expect(polisSummaryCsv(input)).toContain("topic,'=Verkehrswende\n");
	});

	it('comments.csv and votes.csv have Pol.is columns, counts and times', () => {
		const input = exportInput();
		const text = polisCommentsCsv(input);
		expect(text.split('\n')[0]).toBe('timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body');
		const [first] = parse(text, { columns: true }) as Record<string, string>[];
		const on = input.votes.filter((v) => v.statement === input.statements[0].id);
		expect(first).toMatchObject({
			timestamp: '1700000000',
			datetime: 'Tue Nov 14 2023 22:13:20 GMT+0000 (Coordinated Universal Time)',
			'comment-id': 's0000',
			'author-id': '',
			agrees: String(on.filter((v) => v.vote === 1).length),
			disagrees: String(on.filter((v) => v.vote === -1).length)
		});
		expect(polisVotesCsv(input).split('\n')[0]).toBe('timestamp,datetime,comment-id,voter-id,vote');
	});

	it('participants-votes.csv has one row per voter with group-id, counts and a column per comment', () => {
		const input = exportInput();
		const rows = parse(polisParticipantsVotesCsv(input)) as string[][];
		expect(rows[0]).toEqual(['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...input.statements.map((s) => s.id)]);
		const voters = new Set(input.votes.map((v) => v.participant));
		expect(rows.length - 1).toBe(voters.size);
		for (const row of rows.slice(1)) {
			const [participant, group, comments, n, agree, disagree, ...cells] = row;
			const own = input.votes.filter((v) => v.participant === participant);
			expect(group).toBe(String(input.groupOf.get(participant) ?? ''));
			expect(Number(comments)).toBe(input.statements.filter((s) => s.authorId === participant).length);
			expect([Number(n), Number(agree), Number(disagree)]).toEqual([own.length, own.filter((v) => v.vote === 1).length, own.filter((v) => v.vote === -1).length]);
			expect(cells).toEqual(input.statements.map((s) => String(own.find((v) => v.statement === s.id)?.vote ?? '')));
		}
		// Voters with fewer than 7 votes are in no opinion group: their group-id stays empty.
		expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['0', '1', '']));
	});

	it('summary.csv lists the conversation figures as name–value rows', () => {
		const input = exportInput();
		const rows = parse(polisExportFile('summary.csv', input)) as string[][];
		expect(rows).toEqual([
			['topic', "'=Verkehrswende"],
			['url', 'https://stadtwissen.example/w/ABC234'],
			['voters', String(new Set(input.votes.map((v) => v.participant)).size)],
			['voters-in-conv', String(input.groupOf.size)],
			['commenters', '4'],
			['comments', '9'],
			['groups', '2'],
			['conversation-description', 'Werkstatt im Modul „Stadt gemeinsam machen“']
		]);
	});
});

describe('helpers', () => {
	it('orders numeric ids numerically, before other ids', () => {
		expect(['10', 'b', '2', 'a', '1'].sort(compareIds)).toEqual(['1', '2', '10', 'a', 'b']);
	});

	it('writes Pol.is datetimes in UTC', () => {
		expect(polisDatetime(Date.UTC(2026, 0, 5, 7, 8, 9))).toBe('Mon Jan 05 2026 07:08:09 GMT+0000 (Coordinated Universal Time)');
	});
});
