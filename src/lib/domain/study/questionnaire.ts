import type { FrameworkDocument, InstrumentKind } from '../framework/model';
import { instrumentKindOf, sortedByPosition } from '../framework/model';

export type Measure = 'importance' | 'proficiency';

export interface StudyShape {
	competences: readonly string[];
	horizons: readonly { key: string; label: string; years: number }[];
	measureProficiency: boolean;
}

export interface QuestionnaireItem {
	key: string;
	competence: string;
	measure: Measure;
	/** null for proficiency, which is rated for today only. */
	horizon: string | null;
}

export interface QuestionnaireCompetence {
	code: string;
	title_de: string;
	title_en: string;
	description_de: string;
	description_en: string;
	items: QuestionnaireItem[];
}

export interface QuestionnairePage {
	/** What the pinned document is an instrument for; decides the words (instrument-words.ts). */
	instrument: InstrumentKind;
	areaCode: string;
	title_de: string;
	title_en: string;
	competences: QuestionnaireCompetence[];
}

export const itemKey = (competence: string, measure: Measure, horizon: string | null) => `${competence}|${measure}|${horizon ?? ''}`;

/**
 * One page per area of the pinned framework, holding the study's competences in framework order.
 * A self-check (conditions catalogue) asks „So ist es bei uns heute“ (proficiency) before „So wichtig
 * ist es uns“ (importance); a competence study asks importance per horizon first.
 */
export function questionnairePages(study: StudyShape, document: FrameworkDocument): QuestionnairePage[] {
	const included = new Set(study.competences);
	const instrument = instrumentKindOf(document);
	const ordered = (items: QuestionnaireItem[]) => (instrument === 'conditions' ? [...items.filter((i) => i.measure === 'proficiency'), ...items.filter((i) => i.measure !== 'proficiency')] : items);
	return sortedByPosition(document.areas)
		.map((area) => ({
			instrument,
			areaCode: area.code,
			title_de: area.title_de,
			title_en: area.title_en,
			competences: sortedByPosition(area.competences)
				.filter((competence) => included.has(competence.code))
				.map((competence) => ({
					code: competence.code,
					title_de: competence.title_de,
					title_en: competence.title_en,
					description_de: competence.description_de,
					description_en: competence.description_en,
					items: ordered([
						...study.horizons.map((horizon) => ({ key: itemKey(competence.code, 'importance', horizon.key), competence: competence.code, measure: 'importance' as const, horizon: horizon.key })),
						...(study.measureProficiency ? [{ key: itemKey(competence.code, 'proficiency', null), competence: competence.code, measure: 'proficiency' as const, horizon: null }] : [])
					])
				}))
		}))
		.filter((page) => page.competences.length > 0);
}

export function allItems(pages: readonly QuestionnairePage[]): QuestionnaireItem[] {
	return pages.flatMap((page) => page.competences.flatMap((competence) => competence.items));
}

/** An answer: 1–5, or null for "kann ich nicht einschätzen". Unanswered items are simply absent. */
export type AnswerValue = 1 | 2 | 3 | 4 | 5 | null;

export interface AnswerInput {
	competence: string;
	measure: string;
	horizon?: string | null;
	value: unknown;
}

export interface AnswerProblem {
	path: string;
	message: string;
}

/** Checks submitted answers against the study's items; returns the accepted answers by item key, or every problem. */
export function checkAnswers(items: readonly QuestionnaireItem[], answers: readonly AnswerInput[]): { ok: true; answers: Map<string, AnswerValue> } | { ok: false; problems: AnswerProblem[] } {
	const known = new Map(items.map((item) => [item.key, item]));
	const accepted = new Map<string, AnswerValue>();
	const problems: AnswerProblem[] = [];
	answers.forEach((answer, index) => {
		const path = `answers[${index}]`;
		const measure = answer.measure === 'importance' || answer.measure === 'proficiency' ? answer.measure : null;
		if (!measure) {
			problems.push({ path: `${path}.measure`, message: 'Erlaubt sind „importance“ und „proficiency“.' });
			return;
		}
		const key = itemKey(String(answer.competence), measure, measure === 'proficiency' ? null : (answer.horizon ?? null));
		if (!known.has(key)) {
			problems.push({ path, message: `Diese Frage gibt es in der Analyse nicht (Kompetenz „${String(answer.competence)}“, ${measure}${measure === 'importance' ? `, Horizont „${String(answer.horizon ?? '')}“` : ''}).` });
			return;
		}
		if (accepted.has(key)) {
			problems.push({ path, message: 'Diese Frage ist doppelt beantwortet.' });
			return;
		}
		const value = answer.value;
		if (value !== null && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5)) {
			problems.push({ path: `${path}.value`, message: 'Der Wert muss eine ganze Zahl von 1 bis 5 sein, oder null für „kann ich nicht einschätzen“.' });
			return;
		}
		accepted.set(key, value as AnswerValue);
	});
	return problems.length ? { ok: false, problems } : { ok: true, answers: accepted };
}
