import { t } from '$lib/i18n/use';
import { MAX_HORIZONS } from '$lib/domain/study/settings-form';

/** Field names of the settings form → their labels, for the error summary. */
export function studyFormLabels(horizons = MAX_HORIZONS): Record<string, string> {
	const labels: Record<string, string> = {
		frameworkId: t('study.form.framework'),
		title: t('study.form.title'),
		introduction: t('study.form.introduction'),
		competences: t('study.form.competences'),
		horizons: t('study.form.horizons'),
		groups: t('study.form.groups'),
		openQuestions: t('study.form.openQuestions'),
		minGroupSize: t('study.form.minGroupSize'),
		consensusMaxIqr: t('study.form.maxIqr'),
		consensusMinAgreement: t('study.form.minAgreement'),
		quantileType: t('study.form.quantile'),
		rounds: t('study.form.rounds'),
		reasonMode: t('study.form.reasonMode'),
		reminderDays: t('study.form.reminderDays'),
		opensOn: t('study.form.opensOn'),
		closesOn: t('study.form.closesOn')
	};
	for (let i = 0; i < horizons; i += 1) {
		labels[`horizon${i}_label`] = `${t('study.form.horizonN', { n: i + 1 })} – ${t('study.form.horizonLabel')}`;
		labels[`horizon${i}_years`] = `${t('study.form.horizonN', { n: i + 1 })} – ${t('study.form.horizonYears')}`;
	}
	return labels;
}
