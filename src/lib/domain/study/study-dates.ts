import { berlinDateInput } from '../../format/berlin-time';
import type { StudyStatus } from './lifecycle';

/*
 * A study's dates act (issue 17): a draft opens itself on its opening day, an open study closes
 * itself at the end of its closing day, and a few days before closing everyone invited by e-mail
 * who has not finished is reminded once per round. Days are Berlin days: the day an organiser
 * entered starts at 00:00 and ends at 24:00 in Europe/Berlin, summer time or not.
 */

/**
 * How many days before the closing day the reminder goes out unless the study says otherwise (the
 * closing day counts as day 0); each study keeps its own lead time, 0 meaning no reminder.
 */
export const REMINDER_DAYS_BEFORE_CLOSING = 3;
/** The longest lead time a study may set (a reminder weeks ahead reads as a second invitation). */
export const MAX_REMINDER_DAYS = 30;

/** The Berlin calendar day of an instant, as "2027-03-18". */
export function berlinDay(now: Date): string {
	return berlinDateInput(now);
}

/** "2027-03-18" moved by `days` calendar days. */
export function addDays(isoDay: string, days: number): string {
	const [year, month, day] = isoDay.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whether the closing day lies wholly in the past: a study opened now would close at once. */
export function closingDayPassed(closesOn: string | null, today: string): boolean {
	return closesOn !== null && today > closesOn;
}

/** The first day the closing reminder may go out, or null when the study sends none (lead time 0). */
export function reminderDay(closesOn: string, days: number = REMINDER_DAYS_BEFORE_CLOSING): string | null {
	return days > 0 ? addDays(closesOn, -days) : null;
}

export interface DatedStudy {
	status: StudyStatus;
	opensOn: string | null;
	closesOn: string | null;
}

export type DateAction = 'open' | 'close' | 'remind';

/**
 * What a study's dates ask for today, or null. A draft whose closing day has already passed stays
 * a draft (it would close again at once); an open study past its closing day closes; an open study
 * from its reminder day to its closing day is due for the reminder (sent once per round by the caller);
 * with a lead time of 0 days it never is.
 */
export function dueDateAction(study: DatedStudy, today: string, reminderDays: number = REMINDER_DAYS_BEFORE_CLOSING): DateAction | null {
	if (study.status === 'draft') {
		return study.opensOn !== null && today >= study.opensOn && !closingDayPassed(study.closesOn, today) ? 'open' : null;
	}
	if (study.status !== 'open' || study.closesOn === null) return null;
	if (closingDayPassed(study.closesOn, today)) return 'close';
	const reminder = reminderDay(study.closesOn, reminderDays);
	return reminder !== null && today >= reminder ? 'remind' : null;
}
