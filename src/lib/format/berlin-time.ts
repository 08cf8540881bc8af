/*
 * Dates, times and durations as Germans expect them (Europe/Berlin), usable on the server (mails,
 * PDF, iCalendar) and in pages alike: Intl only, no Node APIs.
 */

export type Lang = 'de' | 'en';

const TIME_ZONE = 'Europe/Berlin';
const tags: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat(tags[lang], { timeZone: TIME_ZONE, ...options });
}

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** 18.03.2027 */
export function day(lang: Lang, value: Date | string): string {
	return formatter(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(asDate(value));
}

/** Do., 18.03.2027 */
export function weekdayAndDay(lang: Lang, value: Date | string): string {
	return formatter(lang, { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' }).format(asDate(value));
}

/** 09:00 */
export function clock(lang: Lang, value: Date | string): string {
	return formatter(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(asDate(value));
}

const uhr = (lang: Lang) => (lang === 'de' ? ' Uhr' : '');

/** 18.03.2027, 09:00 Uhr */
export function dayAndTime(lang: Lang, value: Date | string): string {
	return `${day(lang, value)}, ${clock(lang, value)}${uhr(lang)}`;
}

export interface Span {
	start: Date | string;
	end: Date | string;
}

/** "Do., 18.03.2027, 09:00–16:00 Uhr", or both ends in full when the span crosses midnight. */
export function span(lang: Lang, part: Span): string {
	if (day(lang, part.start) === day(lang, part.end)) {
		return `${weekdayAndDay(lang, part.start)}, ${clock(lang, part.start)}–${clock(lang, part.end)}${uhr(lang)}`;
	}
	return `${weekdayAndDay(lang, part.start)}, ${clock(lang, part.start)}${uhr(lang)} – ${weekdayAndDay(lang, part.end)}, ${clock(lang, part.end)}${uhr(lang)}`;
}

/** Every part of a session, separated by "; ". */
export function spans(lang: Lang, parts: readonly Span[]): string {
	return parts.map((part) => span(lang, part)).join('; ');
}

const numbers: Record<Lang, Intl.NumberFormat> = { de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) };

/** 6 Stunden, 3,5 Stunden, 45 Minuten */
export function duration(lang: Lang, minutes: number | null): string {
	if (minutes === null) return '';
	if (minutes < 60) return lang === 'de' ? `${minutes} Minuten` : `${minutes} minutes`;
	const hours = numbers[lang].format(minutes / 60);
	if (lang === 'de') return minutes === 60 ? '1 Stunde' : `${hours} Stunden`;
	return minutes === 60 ? '1 hour' : `${hours} hours`;
}

/** Berlin wall-clock parts of an instant, for forms and iCalendar. */
export function berlinWallClock(value: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: TIME_ZONE,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(value);
	const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
	return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2027-03-18" in Berlin, for <input type="date">. */
export function berlinDateInput(value: Date | string): string {
	const p = berlinWallClock(asDate(value));
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "09:00" in Berlin, for <input type="time">. */
export function berlinTimeInput(value: Date | string): string {
	const p = berlinWallClock(asDate(value));
	return `${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant of a Berlin wall-clock time ("2027-03-18", "09:00"); null for malformed input or a
 * time that does not exist (the hour skipped when summer time begins).
 */
export function fromBerlin(date: string, time: string): Date | null {
	const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
	const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
	if (!d || !t) return null;
	const [year, month, dayOfMonth, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
	if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31 || hour > 23 || minute > 59) return null;
	const wall = Date.UTC(year, month - 1, dayOfMonth, hour, minute);
	for (const offsetHours of [1, 2]) {
		const candidate = new Date(wall - offsetHours * 3600_000);
		const p = berlinWallClock(candidate);
		if (p.year === year && p.month === month && p.day === dayOfMonth && p.hour === hour && p.minute === minute) return candidate;
	}
	return null;
}
