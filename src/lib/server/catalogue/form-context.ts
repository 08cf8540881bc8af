import { activeInOrder, instrumentKindOf } from '../../domain/framework/model';
import { COMPETENCE_LEVELS, MODULE_FORMATS, MODULE_LANGUAGES, SECTORS, TARGET_GROUPS } from '../../schemas/catalogue';
import { getFramework, listFrameworks } from '../frameworks/get-framework';
import type { TenantContext } from '../tenant';
import { getCatalogueSettings } from './get-catalogue-settings';
import { defaultFrameworkFor } from './module-competences';

export const FORM_OPTIONS = { formats: MODULE_FORMATS, languages: MODULE_LANGUAGES, groups: TARGET_GROUPS, sectors: SECTORS, levels: COMPETENCE_LEVELS };

/** What the module form needs: the frameworks to choose from and the chosen one's competences by area. */
export async function moduleFormContext(ctx: TenantContext, wanted: string | null, lang: 'de' | 'en') {
	const frameworks = await listFrameworks(ctx);
	const frameworkId = (wanted && frameworks.some((f) => f.id === wanted) ? wanted : null) ?? (await defaultFrameworkFor(ctx)) ?? null;
	const title = (item: { title_de: string; title_en: string }) => (lang === 'en' && item.title_en) || item.title_de;
	const document = frameworkId ? (await getFramework(ctx, frameworkId)).document : null;
	const areas = document
		? activeInOrder(document.areas).map((area) => ({
				code: area.code,
				title: title(area),
				competences: activeInOrder(area.competences).map((c) => ({ code: c.code, title: title(c) }))
			}))
		: [];
	return {
		frameworks: frameworks.map((f) => ({ id: f.id, name: (lang === 'en' && f.name_en) || f.name_de, shipped: f.shipped })),
		frameworkId,
		/** The picker speaks of conditions when the chosen framework is the conditions catalogue (issue 16). */
		instrument: document ? instrumentKindOf(document) : ('competences' as const),
		areas,
		retentionDefault: (await getCatalogueSettings(ctx)).retentionMonths,
		options: FORM_OPTIONS
	};
}
