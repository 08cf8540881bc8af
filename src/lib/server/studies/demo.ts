import { randomUUID } from 'node:crypto';
import { allItems, type QuestionnaireItem } from '../../domain/study/questionnaire';
import type { Db } from '../db/client';
import { defaultFrameworkId } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { createInvitationBatch } from './create-invitation-batch';
import { changeStudyStatus } from './change-study-status';
import { createStudy } from './create-study';
import { openParticipation } from './open-participation';
import { submitAnswers } from './submit-answers';
import { getOpenAnswerReview } from '../results/get-open-answer-review';
import { setOpenAnswerHidden } from '../results/set-open-answer-hidden';
import { setOpenAnswerRelease } from '../results/set-open-answer-release';

/** A small deterministic generator, so every demo shows the same figures. */
export function seeded(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let x = Math.imul(state ^ (state >>> 15), 1 | state);
		x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}

/** How a group tends to rate: importance grows with the horizon; city makers see less proficiency than the administration does. */
const tendencies: Record<string, { importance: number; proficiency: number }> = {
	verwaltung: { importance: 3.4, proficiency: 3.3 },
	politik: { importance: 3.6, proficiency: 3.0 },
	zivilgesellschaft: { importance: 4.0, proficiency: 2.2 },
	kultur: { importance: 3.9, proficiency: 2.4 },
	wirtschaft: { importance: 3.5, proficiency: 2.8 },
	wissenschaft: { importance: 4.1, proficiency: 2.5 }
};

/** Finished questionnaires per group; Wissenschaft stays below the minimum group size on purpose. */
const PARTICIPANTS: Record<string, number> = { verwaltung: 18, politik: 7, zivilgesellschaft: 14, kultur: 6, wirtschaft: 9, wissenschaft: 3 };

/**
 * Answers to the open question, by group, given by the first participants of each group. Only
 * Verwaltung (18), Zivilgesellschaft (14) and Wirtschaft (9) reach n ≥ max(k, 8); the texts of
 * Politik (7), Kultur (6) and Wissenschaft (3) must never be shown. One Verwaltung text names a
 * person and is hidden, as an organiser would.
 */
const OPEN_ANSWERS: Record<string, string[]> = {
	verwaltung: [
		'Mut zum Ausprobieren: erst einmal klein anfangen und dann schauen, was funktioniert.',
		'Schneller entscheiden. Bei uns dauert eine Genehmigung für eine Zwischennutzung oft länger als die Nutzung selbst.',
		'Wie man Menschen im Quartier direkt anspricht, ohne Amtsdeutsch.',
		'Frau M. aus dem Bauamt hat gezeigt, wie es geht – von ihr sollten alle lernen.',
		'Dass Fehler kein Weltuntergang sind, wenn man offen darüber spricht.',
		'Netzwerke nutzen: Stadtmacher*innen kennen oft die richtigen Leute schon.'
	],
	zivilgesellschaft: [
		'Zuhören, bevor ein Konzept fertig ist – nicht erst danach beteiligen.',
		'Leerstand als Chance sehen und nicht nur als Sicherheitsrisiko.',
		'Mit wenig Geld viel erreichen, wenn man Ehrenamt und Verwaltung zusammenbringt.',
		'Verlässliche Ansprechpersonen: Wir brauchen eine Person, die sich auskennt und erreichbar ist.',
		'Offen sagen, was rechtlich geht und was nicht – dann finden wir gemeinsam Wege.'
	],
	wirtschaft: [
		'Pragmatische Lösungen für Zwischennutzungen, gerade im Erdgeschoss der Innenstadt.',
		'Projekte in Etappen planen und nach jeder Etappe nachsteuern.',
		'Digitale Anträge, die man auch abends ausfüllen kann.'
	],
	politik: ['Mehr Austausch zwischen Rat und Initiativen, nicht nur in der Bürgerfragestunde.', 'Schneller sichtbare Ergebnisse.'],
	kultur: ['Räume öffnen, auch wenn noch nicht alles perfekt ist.'],
	wissenschaft: ['Reallabore systematisch auswerten und die Ergebnisse teilen.']
};
const HIDDEN_IN_DEMO = 'Frau M. aus dem Bauamt';

const clamp = (value: number) => Math.min(5, Math.max(1, Math.round(value))) as 1 | 2 | 3 | 4 | 5;

export interface DemoAnswering {
	/** Finished questionnaires per group (keys of the default groups). */
	participants: Record<string, number>;
	random: () => number;
	/** Texts for the open question „lernen“, by group, given by the first participants of each group. */
	openAnswers?: Record<string, string[]>;
	/** Moves the centre of an item's generated ratings, e.g. up where a training took place (the follow-up demo). */
	lift?: (item: QuestionnaireItem) => number;
}

/** Lets the demo's participants answer an open study: ratings around their group's tendency, seeded, so every demo shows the same figures. */
export async function answerDemoStudy(db: Db, ctx: TenantContext, studyId: string, baseUrl: string, answering: DemoAnswering): Promise<void> {
	const { random } = answering;
	for (const [group, count] of Object.entries(answering.participants)) {
		const { tokens } = await createInvitationBatch(ctx, { studyId, group, count: count + 2, baseUrl });
		for (const [person, token] of tokens.slice(0, count).entries()) {
			const participation = await openParticipation(db, token, '127.0.0.1');
			const tendency = tendencies[group];
			const answers = allItems(participation.pages).map((item, index) => {
				const horizonIndex = participation.study.horizons.findIndex((h) => h.key === item.horizon);
				const usual = item.measure === 'importance' ? tendency.importance + 0.35 * horizonIndex + ((index % 7) - 3) * 0.12 : tendency.proficiency + ((index % 5) - 2) * 0.15;
				const centre = usual + (answering.lift?.(item) ?? 0);
				const value = random() < 0.04 ? null : clamp(centre + (random() - 0.5) * 2.2);
				return { competence: item.competence, measure: item.measure, horizon: item.horizon, value };
			});
			random(); // drawn as before the open answers were fixed texts, so the generated ratings stay the same
			const text = answering.openAnswers?.[group]?.[person];
			await submitAnswers(db, participation, randomUUID(), { answers, open: text ? { lernen: text } : {} });
		}
	}
}

export interface StudyDemo {
	closedStudyId: string;
	openStudyId: string;
	sampleLink: string;
}

/**
 * Two demo studies: a closed one with generated answers to explore the results, and an open one
 * with a link to try the questionnaire.
 */
export async function loadStudyDemo(db: Db, ctx: TenantContext, baseUrl: string): Promise<StudyDemo> {
	const frameworkId = (await defaultFrameworkId(db))!;
	const random = seeded(2027);
	const { id: closedStudyId } = await createStudy(ctx, {
		title: 'Wissensbedarf Altenburg 2027',
		introduction:
			'Welches Wissen braucht unsere Verwaltung für eine nachhaltige und integrierte Stadtentwicklung – heute, morgen, übermorgen?\n\nBitte schätzen Sie ein, wie wichtig die folgenden Kompetenzen sind und wie gut die Verwaltung sie heute schon beherrscht.',
		frameworkId,
		openQuestions: [{ key: 'lernen', label: 'Was kann Verwaltung von Stadtmacher*innen lernen?' }]
	});
	await changeStudyStatus(ctx, closedStudyId, 'open');
	await answerDemoStudy(db, ctx, closedStudyId, baseUrl, { participants: PARTICIPANTS, random, openAnswers: OPEN_ANSWERS });
	await changeStudyStatus(ctx, closedStudyId, 'closed');
	// The organiser has read the answers, hidden the one that names a person and released the question.
	const review = await getOpenAnswerReview(ctx, closedStudyId, 1);
	for (const text of review.questions.flatMap((q) => q.groups.flatMap((g) => g.texts))) {
		if (text.text.startsWith(HIDDEN_IN_DEMO)) await setOpenAnswerHidden(ctx, closedStudyId, { round: 1, answerId: text.id, hidden: true });
	}
	await setOpenAnswerRelease(ctx, closedStudyId, { round: 1, question: 'lernen', released: true });

	const { id: openStudyId } = await createStudy(ctx, {
		title: 'Schnelltest: Zwischennutzung und Reallabore',
		introduction: 'Eine kurze Befragung zum Ausprobieren: nur einige Kompetenzen zu Experimenten, Zwischennutzung und gemeinsamer Sprache.',
		frameworkId,
		competences: ['A4.1', 'A4.3', 'A8.1', 'A8.2']
	});
	await changeStudyStatus(ctx, openStudyId, 'open');
	const { links } = await createInvitationBatch(ctx, { studyId: openStudyId, group: 'zivilgesellschaft', count: 10, baseUrl });
	return { closedStudyId, openStudyId, sampleLink: links[0] };
}
