import { page } from '$app/state';
import { DIMENSIONS, PRINCIPLES } from '$lib/domain/framework/vocabulary';
import { t } from '$lib/i18n/use';
import type { InstrumentKind } from '$lib/domain/framework/model';
import { instrumentWords } from '$lib/domain/study/instrument-words';
import { count } from './format';

interface Named {
	key: string;
	label: string;
}

const english = () => page.data.locale === 'en';

/** "Wichtigkeit heute" / "Beherrschung heute" (a self-check: "So wichtig ist es uns" / "So ist es bei uns heute"): what one item asks. */
export function itemLabel(measure: 'importance' | 'proficiency', horizon: string | null, horizons: Named[], instrument?: InstrumentKind): string {
	const words = instrumentWords(instrument);
	if (measure === 'proficiency') return t(words.proficiencyLabel);
	return t(words.importanceLabel, { horizon: horizons.find((h) => h.key === horizon)?.label ?? horizon ?? '' });
}

export function groupName(key: string, groups: Named[]): string {
	return key === 'all' ? t('results.allGroups') : (groups.find((g) => g.key === key)?.label ?? key);
}

export function horizonName(key: string | null, horizons: Named[]): string {
	return horizons.find((h) => h.key === key)?.label ?? key ?? '';
}

export function principleName(key: string): string {
	const entry = PRINCIPLES.find((p) => p.key === key);
	return entry ? `${entry.charterCode} ${english() ? entry.en : entry.de}` : key;
}

export function dimensionName(key: string): string {
	const entry = DIMENSIONS.find((d) => d.key === key);
	return entry ? (english() ? entry.en : entry.de) : key;
}

export function quantileName(type: 6 | 7): string {
	return type === 6 ? t('results.quantile6') : t('results.quantile7');
}

export function magnitudeName(magnitude: 'negligible' | 'small' | 'medium' | 'large'): string {
	return t(`results.magnitude.${magnitude}`);
}

/** "Mittelwerte aus n = 51 bis 57 Bewertungen …", with the quantile definition. */
export function figureNoteRange(range: [number, number] | null, quantileType: 6 | 7): string {
	return t('results.figureNoteRange', {
		range: range === null ? '–' : range[0] === range[1] ? count(range[0]) : t('results.range', { min: count(range[0]), max: count(range[1]) }),
		quantile: quantileName(quantileType)
	});
}
