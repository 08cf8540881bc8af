import { findArea, suggestAreaCode } from '../../domain/framework/editing';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { editableFramework } from './editable-framework';

/** `neu` adds an area; any other code edits that area. */
export async function getAreaEditing(ctx: TenantContext, frameworkId: string, code: string) {
	const framework = await editableFramework(ctx, frameworkId);
	const isNew = code === 'neu';
	const area = isNew ? undefined : findArea(framework.document, code);
	if (!isNew && !area) throw new AppError('not_found', 'Diesen Bereich gibt es nicht.');
	return {
		frameworkId: framework.id,
		isNew,
		area: area ?? { code: suggestAreaCode(framework.document), title_de: '', title_en: '', description_de: '', description_en: '' }
	};
}
