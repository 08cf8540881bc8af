import type { Locale } from '../../i18n';
import type { TenantContext } from '../tenant';
import { moduleFormContext } from './form-context';

/** The empty module form; `wanted` is the framework chosen in it (?rahmen=). */
export async function getNewModuleForm(ctx: TenantContext & { locale: Locale }, wanted: string | null) {
	return { ...(await moduleFormContext(ctx, wanted, ctx.locale)), values: { format: 'workshop', language: 'de' } as Record<string, string> };
}
