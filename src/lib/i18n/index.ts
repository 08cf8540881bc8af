import { de, type MessageKey } from './de';
import { en } from './en';

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };
export const LOCALE_COOKIE = 'sw_lang';

const catalogues: Record<Locale, Record<MessageKey, string>> = { de, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
	const catalogue = catalogues[locale];
	return (key, params) => catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) => (params && name in params ? String(params[name]) : match));
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** German first: English only when chosen, or when the browser prefers English over German. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookie)) return cookie;
	const preferred = (acceptLanguage ?? '')
		.split(',')
		.map((part) => part.trim().slice(0, 2).toLowerCase())
		.find((lang) => lang === 'de' || lang === 'en');
	return preferred === 'en' ? 'en' : 'de';
}

const dateFormats: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

export function formatDate(locale: Locale, date: Date | string, withTime = false): string {
	const value = typeof date === 'string' ? new Date(date) : date;
	const formatted = new Intl.DateTimeFormat(dateFormats[locale], {
		timeZone: 'Europe/Berlin',
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		...(withTime ? { hour: '2-digit', minute: '2-digit' } : {})
	}).format(value);
	return withTime && locale === 'de' ? `${formatted} Uhr` : formatted;
}
