import { describe, expect, it } from 'vitest';
import { addDays, berlinDay, closingDayPassed, dueDateAction, reminderDay } from './study-dates';

const draft = (opensOn: string | null, closesOn: string | null = null) => ({ status: 'draft' as const, opensOn, closesOn });
const open = (closesOn: string | null, opensOn: string | null = null) => ({ status: 'open' as const, opensOn, closesOn });

describe('the Berlin day of an instant', () => {
	it('turns at midnight in Berlin, not in UTC (winter: UTC+1)', () => {
		expect(berlinDay(new Date('2027-02-28T22:59:59Z'))).toBe('2027-02-28');
		expect(berlinDay(new Date('2027-02-28T23:00:00Z'))).toBe('2027-03-01');
	});

	it('turns one hour earlier in UTC in summer (UTC+2)', () => {
		expect(berlinDay(new Date('2027-07-14T21:59:59Z'))).toBe('2027-07-14');
		expect(berlinDay(new Date('2027-07-14T22:00:00Z'))).toBe('2027-07-15');
	});

	it('keeps the days whole on the nights the clocks change', () => {
		// 28 March 2027: 02:00 CET becomes 03:00 CEST; the day ends at 22:00 UTC.
		expect(berlinDay(new Date('2027-03-27T23:00:00Z'))).toBe('2027-03-28');
		expect(berlinDay(new Date('2027-03-28T21:59:59Z'))).toBe('2027-03-28');
		expect(berlinDay(new Date('2027-03-28T22:00:00Z'))).toBe('2027-03-29');
		// 31 October 2027: 03:00 CEST becomes 02:00 CET; the day began at 22:00 UTC and ends at 23:00 UTC.
		expect(berlinDay(new Date('2027-10-30T22:00:00Z'))).toBe('2027-10-31');
		expect(berlinDay(new Date('2027-10-31T22:59:59Z'))).toBe('2027-10-31');
		expect(berlinDay(new Date('2027-10-31T23:00:00Z'))).toBe('2027-11-01');
	});
});

describe('calendar days', () => {
	it('count across months, years and leap days', () => {
		expect(addDays('2027-03-01', -3)).toBe('2027-02-26');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
		expect(reminderDay('2027-03-02')).toBe('2027-02-27');
		expect(reminderDay('2027-03-02', 1)).toBe('2027-03-01');
	});
});

describe('what the dates ask for', () => {
	it('opens a draft on its opening day and after, not the day before', () => {
		expect(dueDateAction(draft('2027-03-01'), '2027-02-28')).toBeNull();
		expect(dueDateAction(draft('2027-03-01'), '2027-03-01')).toBe('open');
		expect(dueDateAction(draft('2027-03-01', '2027-03-10'), '2027-03-05')).toBe('open');
		expect(dueDateAction(draft(null, '2027-03-10'), '2027-03-05')).toBeNull();
	});

	it('leaves a draft alone whose closing day has passed: it would close again at once', () => {
		expect(dueDateAction(draft('2027-03-01', '2027-03-10'), '2027-03-10')).toBe('open');
		expect(dueDateAction(draft('2027-03-01', '2027-03-10'), '2027-03-11')).toBeNull();
	});

	it('closes an open study only after its closing day has ended', () => {
		expect(dueDateAction(open('2027-03-10'), '2027-03-10')).toBe('remind');
		expect(dueDateAction(open('2027-03-10'), '2027-03-11')).toBe('close');
		expect(dueDateAction(open(null), '2030-01-01')).toBeNull();
		expect(closingDayPassed('2027-03-10', '2027-03-10')).toBe(false);
		expect(closingDayPassed('2027-03-10', '2027-03-11')).toBe(true);
		expect(closingDayPassed(null, '2027-03-11')).toBe(false);
	});

	it('asks for the reminder from three days before closing to the closing day', () => {
		expect(dueDateAction(open('2027-03-10'), '2027-03-06')).toBeNull();
		expect(dueDateAction(open('2027-03-10'), '2027-03-07')).toBe('remind');
		expect(dueDateAction(open('2027-03-10'), '2027-03-09', 1)).toBe('remind');
		expect(dueDateAction(open('2027-03-10'), '2027-03-08', 1)).toBeNull();
	});

	it('asks for no reminder at all when the study’s lead time is 0 days, but still closes it', () => {
		for (const today of ['2027-03-01', '2027-03-07', '2027-03-09', '2027-03-10']) expect(dueDateAction(open('2027-03-10'), today, 0)).toBeNull();
		expect(dueDateAction(open('2027-03-10'), '2027-03-11', 0)).toBe('close');
		expect(reminderDay('2027-03-10', 0)).toBeNull();
		expect(reminderDay('2027-03-10', 30)).toBe('2027-02-08');
	});

	it('does nothing to closed or published studies, whatever their dates', () => {
		for (const status of ['closed', 'published'] as const) {
			expect(dueDateAction({ status, opensOn: '2027-01-01', closesOn: '2027-01-02' }, '2027-01-01')).toBeNull();
			expect(dueDateAction({ status, opensOn: '2027-01-01', closesOn: '2027-01-02' }, '2027-02-01')).toBeNull();
		}
	});
});
