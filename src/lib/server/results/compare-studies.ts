import { resultsSetting } from '../../domain/results/dashboard-view';
import { compareStudyResults, type ComparisonSide, type StudyComparison } from '../../domain/results/study-comparison';
import { instrumentKindOf, type FrameworkDocument } from '../../domain/framework/model';
import { closedRounds } from '../../domain/study/lifecycle';
import type { Locale } from '../../i18n';
import { AppError } from '../errors';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { getStudy, type Study } from '../studies/get-study';
import type { TenantContext } from '../tenant';
import { resultsOfStudy } from './get-results';

/** A self-check (conditions) and a competence study ask different questions about different items: no comparison. */
const DIFFERENT_INSTRUMENT = (base: string, followUp: string) =>
	`„${base}“ und „${followUp}“ fragen mit verschiedenen Instrumenten (Kompetenzen oder Rahmenbedingungen) – sie lassen sich nicht vergleichen. Bitte wählen Sie eine Analyse mit demselben Instrument.`;

export interface CompareStudiesInput {
	/** The earlier study (e.g. the one a Qualifizierungsplan was made from). */
	baseStudyId: string;
	/** The later study that shows what changed. */
	followUpStudyId: string;
	/** Default: each study's latest closed round. */
	baseRound?: number;
	followUpRound?: number;
}

/** The study, checked to have the requested (or any) closed round; `field` names the input in errors. */
async function closedStudy(ctx: TenantContext, studyId: string, round: number | undefined, field: string, missing: string): Promise<{ study: Study; round: number }> {
	const study = await getStudy(ctx, studyId).catch((error: unknown) => {
		throw error instanceof AppError && error.code === 'not_found' ? new AppError('not_found', missing) : error;
	});
	const rounds = closedRounds(study);
	if (rounds.length === 0) throw new AppError('conflict', `Die Analyse „${study.title}“ hat noch keine geschlossene Runde. Vergleichen lässt sie sich erst danach – so bleibt jede einzelne Antwort geschützt.`);
	const chosen = round ?? rounds.at(-1)!;
	if (!rounds.includes(chosen)) {
		throw new AppError('validation_failed', `Für Runde ${chosen} der Analyse „${study.title}“ gibt es keine Ergebnisse.`, [{ path: field, message: `Möglich: ${rounds.join(', ')}.` }]);
	}
	return { study, round: chosen };
}

async function side(ctx: TenantContext, study: Study, round: number, document: FrameworkDocument, locale: Locale): Promise<ComparisonSide> {
	const results = await resultsOfStudy(ctx.db, study, round);
	const setting = resultsSetting(study, document, locale);
	return {
		id: study.id,
		title: study.title,
		results,
		horizons: setting.horizons,
		competences: setting.competences.map(({ code, title }) => ({ code, title })),
		instrument: setting.instrument
	};
}

/**
 * "Was hat sich verändert?": a follow-up study of the organisation compared with an earlier one,
 * per competence (matched by code), measure and group — from both studies' protected results only.
 */
export async function compareStudies(ctx: TenantContext & { locale?: Locale }, input: CompareStudiesInput): Promise<StudyComparison> {
	if (input.baseStudyId === input.followUpStudyId) {
		throw new AppError('validation_failed', 'Eine Analyse lässt sich nicht mit sich selbst vergleichen. Bitte wählen Sie eine andere Analyse.', [{ path: 'with', message: 'Bitte eine andere Analyse wählen.' }]);
	}
	const followUp = await closedStudy(ctx, input.followUpStudyId, input.followUpRound, 'round', 'Diese Analyse gibt es nicht.');
	const base = await closedStudy(ctx, input.baseStudyId, input.baseRound, 'withRound', 'Die Analyse zum Vergleich gibt es nicht.');
	const [baseDocument, followUpDocument] = await Promise.all([frameworkDocumentOfStudy(ctx.db, base.study), frameworkDocumentOfStudy(ctx.db, followUp.study)]);
	if (instrumentKindOf(baseDocument) !== instrumentKindOf(followUpDocument)) {
		throw new AppError('validation_failed', DIFFERENT_INSTRUMENT(base.study.title, followUp.study.title), [{ path: 'with', message: 'Bitte eine Analyse mit demselben Instrument wählen.' }]);
	}
	const locale = ctx.locale ?? 'de';
	const [baseSide, followUpSide] = await Promise.all([side(ctx, base.study, base.round, baseDocument, locale), side(ctx, followUp.study, followUp.round, followUpDocument, locale)]);
	return compareStudyResults(baseSide, followUpSide, locale);
}
