import type { RequestContext } from '../context';
import { openParticipation } from './open-participation';
import { pageFeedback } from './questionnaire-form';

type Ctx = Pick<RequestContext, 'db' | 'clientAddress' | 'baseUrl'>;

const bilingual = <F extends string>(item: Record<`${F}_de` | `${F}_en`, string>, field: F) => ({ de: item[`${field}_de`], en: item[`${field}_en`] });

/** GET /api/v1/participate/{token}: items with codes, horizons, scale, group, round and — from round 2 — Delphi feedback. */
export async function questionnaireDocument(ctx: Ctx, token: string) {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const { study, round } = participation;
	const delphi = round > 1 && participation.previous !== null;
	const feedback = await pageFeedback(ctx, participation, participation.pages.flatMap((page) => page.competences.flatMap((c) => c.items)));
	const figures = (shown: (typeof feedback)[string]['group']) => shown ?? { suppressed: true };
	return {
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
				items: competence.items.map((item) => ({
					measure: item.measure,
					horizon: item.horizon,
					...(delphi ? { feedback: { ownGroup: figures(feedback[item.key].group), allGroups: figures(feedback[item.key].all), previousAnswer: feedback[item.key].yours ?? null } } : {})
				}))
			}))
		}))
	};
}
