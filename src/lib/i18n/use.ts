import { page } from '$app/state';
import { translator, type Locale, type MessageKey } from './index';

/** Translates with the locale of the current request; reactive wherever page data changes. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return translator((page.data.locale as Locale | undefined) ?? 'de')(key, params);
}
