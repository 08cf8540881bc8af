import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { ALL_GROUPS } from '$lib/domain/anonymity/cells';
import { visibleFigures } from '$lib/domain/results/round-table';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { apiHandler, readJson } from '$lib/server/http/api';
import { clientIp } from '$lib/server/http/cookies';
import { loadProtectedRound } from '$lib/server/results/load-round';
import { frameworkDocumentOfStudy } from '$lib/server/frameworks/pinned-document';
import { openParticipation, submitAnswers } from '$lib/server/studies/participate';
import type { RequestHandler } from './$types';

const bilingual = <F extends string>(item: Record<`${F}_de` | `${F}_en`, string>, field: F) => ({ de: item[`${field}_de`], en: item[`${field}_en`] });

/** The questionnaire for this link: items with codes, horizons, scale, group, round and Delphi feedback. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = getDatabase();
	const participation = await openParticipation(db, event.params.token, clientIp(event));
	const { study, round, previous } = participation;
	const table = round > 1 && previous ? await loadProtectedRound(db, study, await frameworkDocumentOfStudy(db, study), round - 1) : null;
	const feedbackFor = (item: { key: string; competence: string; measure: string; horizon: string | null }) => {
		if (!table) return undefined;
		const figures = (group: string) => {
			const visible = visibleFigures(table.rating({ competence: item.competence, measure: item.measure, horizon: item.horizon }, group));
			return visible ? { n: visible.summary.n, median: visible.summary.median, histogram: visible.histogram.counts } : { suppressed: true };
		};
		return { ownGroup: figures(participation.group.key), allGroups: figures(ALL_GROUPS), previousAnswer: previous?.answers[item.key] ?? null };
	};
	return json({
		study: { id: study.id, title: study.title, introduction: study.introduction },
		group: participation.group,
		round,
		rounds: study.rounds,
		scale: { min: 1, max: 5, dontKnow: null, labels: { importance: ['unwichtig', 'sehr wichtig'], proficiency: ['gar nicht', 'sehr gut'] } },
		horizons: study.horizons,
		openQuestions: study.openQuestions,
		pages: participation.pages.map((page) => ({
			area: page.areaCode,
			title: bilingual(page, 'title'),
			competences: page.competences.map((competence) => ({
				code: competence.code,
				title: bilingual(competence, 'title'),
				description: bilingual(competence, 'description'),
				items: competence.items.map((item) => ({ measure: item.measure, horizon: item.horizon, ...(table ? { feedback: feedbackFor(item) } : {}) }))
			}))
		}))
	});
});

const submissionSchema = z.object({
	answers: z.array(
		z.object({
			competence: z.string({ message: 'Die Kompetenz fehlt.' }).max(100),
			measure: z.string({ message: 'Das Maß fehlt (importance oder proficiency).' }).max(20),
			horizon: z.string().max(40).nullable().optional(),
			value: z.unknown()
		}),
		{ message: '„answers“ muss eine Liste sein.' }
	).max(2000, 'Zu viele Antworten.'),
	open: z.record(z.string().max(40), z.string({ message: 'Offene Antworten sind Texte.' })).optional()
});

/** Submit once: `Idempotency-Key` required; the same key with the same body returns the same receipt. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const key = event.request.headers.get('idempotency-key');
	if (!key) throw new AppError('bad_request', 'Der Header „Idempotency-Key“ fehlt. Erzeugen Sie für jeden neuen Fragebogen einen zufälligen Schlüssel und senden Sie ihn bei Wiederholungen erneut.');
	const body = await readJson(event.request, submissionSchema);
	const db = getDatabase();
	const participation = await openParticipation(db, event.params.token, clientIp(event), { forSubmission: true, withoutDraft: true });
	const result = await submitAnswers(db, participation, key, { answers: body.answers, open: body.open });
	return json({ receipt: result.receipt }, { status: 201 });
});
