import { catalogueMessages } from './catalogue-messages';
import { de as coreDe } from './de';
import { en as coreEn } from './en';
import { freeTextMessages } from './free-text-messages';
import { gdprMessages } from './gdpr-messages';
import { glossaryMessages } from './glossary-messages';
import { identityMessages } from './identity-messages';
import { instrumentMessages } from './instrument-messages';
import { languageMessages } from './language-messages';
import { participationMessages } from './participation-messages';
import { planningMessages } from './planning-messages';
import { resultsMessages } from './results-messages';
import { signInMessages } from './sign-in-messages';
import { studyMessages } from './study-messages';
import { werkstattMessages } from './werkstatt-messages';
import { werkstattRoomMessages } from './werkstatt-room-messages';

const de = { ...coreDe, ...studyMessages.de, ...participationMessages.de, ...catalogueMessages.de, ...resultsMessages.de, ...freeTextMessages.de, ...languageMessages.de, ...werkstattMessages.de, ...werkstattRoomMessages.de, ...instrumentMessages.de, ...planningMessages.de, ...signInMessages.de, ...identityMessages.de, ...gdprMessages.de, ...glossaryMessages.de };
const en = { ...coreEn, ...studyMessages.en, ...participationMessages.en, ...catalogueMessages.en, ...resultsMessages.en, ...freeTextMessages.en, ...languageMessages.en, ...werkstattMessages.en, ...werkstattRoomMessages.en, ...instrumentMessages.en, ...planningMessages.en, ...signInMessages.en, ...identityMessages.en, ...gdprMessages.en, ...glossaryMessages.en };
export type MessageKey = keyof typeof de;

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export const LOCALE_COOKIE = 'sw_lang';

export const catalogues: Record<Locale, Record<MessageKey, string>> = { de, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
	const catalogue = catalogues[locale];
	return (key, params) => catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) => (params && name in params ? String(params[name]) : match));
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** German by default; English only when the person chose it (remembered in a cookie). */
export function negotiateLocale(cookie: string | undefined): Locale {
	return isLocale(cookie) ? cookie : 'de';
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

/** A bilingual item's text in the reader's language, falling back to the other one. */
export function localized<F extends string>(locale: Locale, item: Record<`${F}_de` | `${F}_en`, string>, field: F): string {
	const de = item[`${field}_de`];
	const en = item[`${field}_en`];
	return locale === 'en' ? en || de : de || en;
}
