import type { MessageKey } from '../../i18n';
import type { InstrumentKind } from '../framework/model';

/**
 * The one place that says which words an instrument uses (issue 16). A study's instrument is the
 * framework version it pinned: a competence framework (areas and competences, „Wie wichtig ist das
 * …?“ per horizon, „Wie gut kann die Verwaltung das heute?“) or a conditions catalogue for the
 * Rahmenbedingungen self-check (dimensions and conditions, „So ist es bei uns heute“ and „So wichtig
 * ist es uns“). Templates ask for a role and translate the message key they get; they never branch
 * on the kind. Keys of a competence framework are the messages those pages always used.
 */
export type WordRole =
	| 'name'
	| 'item'
	| 'items'
	| 'area'
	| 'areas'
	| 'count'
	| 'howTo1'
	| 'howTo2'
	| 'howTo3'
	| 'importanceQuestion'
	| 'proficiencyQuestion'
	| 'scaleProficiency1'
	| 'scaleProficiency5'
	| 'template'
	| 'importanceLabel'
	| 'proficiencyLabel'
	| 'itemsTitle'
	| 'areaOf'
	| 'importanceMeasure'
	| 'proficiencyMeasure'
	| 'areaColumn'
	| 'reportSubtitle'
	| 'methodGap'
	| 'gapsLead'
	| 'rankNote'
	| 'figureNoteMeans'
	| 'matrixLead'
	| 'matrixDesc'
	| 'matrixX'
	| 'matrixCaption'
	| 'matrixZoomed'
	| 'matrixNone'
	| 'heatmapLead'
	| 'heatmapChart'
	| 'heatmapDesc'
	| 'heatmapCaption'
	| 'reportHeatmapLead'
	| 'disagreementLead'
	| 'filterShown'
	| 'filterNoMatch'
	| 'overviewGapText'
	| 'gapsDesc'
	| 'concordanceLead'
	| 'comparisonLead'
	| 'comparisonItem'
	| 'formItemsHint'
	| 'formChosenCount'
	| 'formHorizonsHint'
	| 'formImportanceAlways'
	| 'formProficiency'
	| 'formProficiencyYes'
	| 'formConsensus'
	| 'fwAreasTitle'
	| 'fwAddArea'
	| 'fwAddItem'
	| 'fwNoItems'
	| 'fwNoAreas'
	| 'fwItemNew'
	| 'fwItemEdit'
	| 'fwAreaLabel'
	| 'planComparisonLead'
	| 'resultsLead'
	| 'planFigure'
	| 'planMeans'
	| 'planHorizonEmpty'
	| 'planUncoveredHint'
	| 'planDroppedList'
	| 'planModuleCreate'
	| 'planOthers'
	| 'planOthersHint'
	| 'planPublicSource';

export type InstrumentWords = Readonly<Record<WordRole, MessageKey>>;

const WORDS: Record<InstrumentKind, InstrumentWords> = {
	competences: {
		name: 'instrument.competences.name',
		item: 'instrument.competences.item',
		items: 'instrument.competences.items',
		area: 'instrument.competences.area',
		areas: 'instrument.competences.areas',
		count: 'fw.competences',
		howTo1: 'take.howTo1',
		howTo2: 'take.howTo2',
		howTo3: 'take.howTo3',
		importanceQuestion: 'take.importance',
		proficiencyQuestion: 'take.proficiency',
		scaleProficiency1: 'take.scaleProficiency1',
		scaleProficiency5: 'take.scaleProficiency5',
		template: 'fw.shipped',
		importanceLabel: 'results.importanceIn',
		proficiencyLabel: 'results.proficiency',
		itemsTitle: 'results.competences.title',
		areaOf: 'results.competencePage.area',
		importanceMeasure: 'results.importance',
		proficiencyMeasure: 'results.proficiency',
		areaColumn: 'results.file.area',
		reportSubtitle: 'results.report.subtitle',
		methodGap: 'results.method.gap',
		gapsLead: 'results.gaps.lead',
		rankNote: 'results.gaps.rankNote',
		figureNoteMeans: 'results.figureNoteMeans',
		matrixLead: 'results.matrix.lead',
		matrixDesc: 'results.matrix.desc',
		matrixX: 'results.matrix.x',
		matrixCaption: 'results.matrix.caption',
		matrixZoomed: 'results.matrix.zoomed',
		matrixNone: 'results.matrix.none',
		heatmapLead: 'results.heatmap.lead',
		heatmapChart: 'results.heatmap.chart',
		heatmapDesc: 'results.heatmap.desc',
		heatmapCaption: 'results.heatmap.caption',
		reportHeatmapLead: 'results.report.heatmapLead',
		disagreementLead: 'results.disagreement.lead',
		filterShown: 'results.filter.shown',
		filterNoMatch: 'results.filter.noMatch',
		overviewGapText: 'results.overview.gapText',
		gapsDesc: 'results.gaps.desc',
		concordanceLead: 'results.concordance.lead',
		comparisonLead: 'results.comparison.lead',
		comparisonItem: 'results.comparison.item',
		formItemsHint: 'study.form.competencesHint',
		formChosenCount: 'study.form.chosenCount',
		formHorizonsHint: 'study.form.horizonsHint',
		formImportanceAlways: 'study.form.importanceAlways',
		formProficiency: 'study.form.proficiency',
		formProficiencyYes: 'study.form.proficiencyYes',
		formConsensus: 'study.form.consensus',
		fwAreasTitle: 'fw.areas',
		fwAddArea: 'fw.addArea',
		fwAddItem: 'fw.addCompetence',
		fwNoItems: 'fw.noCompetences',
		fwNoAreas: 'fw.noAreas',
		fwItemNew: 'fw.competenceNew',
		fwItemEdit: 'fw.competenceEdit',
		fwAreaLabel: 'fw.area',
		planComparisonLead: 'plan.comparison.lead',
		resultsLead: 'results.lead',
		planFigure: 'plan.gap.figure',
		planMeans: 'plan.gap.means',
		planHorizonEmpty: 'plan.horizonEmpty',
		planUncoveredHint: 'plan.gap.uncoveredHint',
		planDroppedList: 'plan.gap.droppedList',
		planModuleCreate: 'plan.gap.module',
		planOthers: 'plan.others',
		planOthersHint: 'plan.othersHint',
		planPublicSource: 'plan.public.source'
	},
	conditions: {
		name: 'instrument.conditions.name',
		item: 'instrument.conditions.item',
		items: 'instrument.conditions.items',
		area: 'instrument.conditions.area',
		areas: 'instrument.conditions.areas',
		count: 'instrument.conditions.count',
		howTo1: 'instrument.conditions.howTo1',
		howTo2: 'instrument.conditions.howTo2',
		howTo3: 'instrument.conditions.howTo3',
		importanceQuestion: 'instrument.conditions.importance',
		proficiencyQuestion: 'instrument.conditions.proficiency',
		scaleProficiency1: 'instrument.conditions.scaleProficiency1',
		scaleProficiency5: 'instrument.conditions.scaleProficiency5',
		template: 'instrument.conditions.template',
		importanceLabel: 'instrument.conditions.importanceLabel',
		proficiencyLabel: 'instrument.conditions.proficiencyLabel',
		itemsTitle: 'instrument.conditions.itemsTitle',
		areaOf: 'instrument.conditions.areaOf',
		importanceMeasure: 'instrument.conditions.importanceLabel',
		proficiencyMeasure: 'instrument.conditions.proficiencyLabel',
		areaColumn: 'instrument.conditions.area',
		reportSubtitle: 'instrument.conditions.reportSubtitle',
		methodGap: 'instrument.conditions.methodGap',
		gapsLead: 'instrument.conditions.gapsLead',
		rankNote: 'instrument.conditions.rankNote',
		figureNoteMeans: 'instrument.conditions.figureNoteMeans',
		matrixLead: 'instrument.conditions.matrixLead',
		matrixDesc: 'instrument.conditions.matrixDesc',
		matrixX: 'instrument.conditions.matrixX',
		matrixCaption: 'instrument.conditions.matrixCaption',
		matrixZoomed: 'instrument.conditions.matrixZoomed',
		matrixNone: 'instrument.conditions.matrixNone',
		heatmapLead: 'instrument.conditions.heatmapLead',
		heatmapChart: 'instrument.conditions.heatmapChart',
		heatmapDesc: 'instrument.conditions.heatmapDesc',
		heatmapCaption: 'instrument.conditions.heatmapCaption',
		reportHeatmapLead: 'instrument.conditions.reportHeatmapLead',
		disagreementLead: 'instrument.conditions.disagreementLead',
		filterShown: 'instrument.conditions.filterShown',
		filterNoMatch: 'instrument.conditions.filterNoMatch',
		overviewGapText: 'instrument.conditions.overviewGapText',
		gapsDesc: 'instrument.conditions.gapsDesc',
		concordanceLead: 'instrument.conditions.concordanceLead',
		comparisonLead: 'instrument.conditions.comparisonLead',
		comparisonItem: 'instrument.conditions.item',
		formItemsHint: 'instrument.conditions.formItemsHint',
		formChosenCount: 'instrument.conditions.formChosenCount',
		formHorizonsHint: 'instrument.conditions.formHorizonsHint',
		formImportanceAlways: 'instrument.conditions.formImportanceAlways',
		formProficiency: 'instrument.conditions.formProficiency',
		formProficiencyYes: 'instrument.conditions.formProficiencyYes',
		formConsensus: 'instrument.conditions.formConsensus',
		fwAreasTitle: 'instrument.conditions.fwAreasTitle',
		fwAddArea: 'instrument.conditions.fwAddArea',
		fwAddItem: 'instrument.conditions.fwAddItem',
		fwNoItems: 'instrument.conditions.fwNoItems',
		fwNoAreas: 'instrument.conditions.fwNoAreas',
		fwItemNew: 'instrument.conditions.fwItemNew',
		fwItemEdit: 'instrument.conditions.fwItemEdit',
		fwAreaLabel: 'instrument.conditions.area',
		planComparisonLead: 'instrument.conditions.planComparisonLead',
		resultsLead: 'instrument.conditions.resultsLead',
		planFigure: 'instrument.conditions.planFigure',
		planMeans: 'instrument.conditions.planMeans',
		planHorizonEmpty: 'instrument.conditions.planHorizonEmpty',
		planUncoveredHint: 'instrument.conditions.planUncoveredHint',
		planDroppedList: 'instrument.conditions.planDroppedList',
		planModuleCreate: 'instrument.conditions.planModuleCreate',
		planOthers: 'instrument.conditions.planOthers',
		planOthersHint: 'instrument.conditions.planOthersHint',
		planPublicSource: 'instrument.conditions.planPublicSource'
	}
};

/** The message key for every word role of an instrument; an unknown or missing kind is a competence framework. */
export function instrumentWords(kind: InstrumentKind | null | undefined): InstrumentWords {
	return kind === 'conditions' ? WORDS.conditions : WORDS.competences;
}
