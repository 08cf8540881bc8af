import { describe, expect, it } from 'vitest';
import { berlinDateInput, berlinTimeInput, duration, fromBerlin, span, spans } from './berlin-time';

describe('Berlin time', () => {
	it('turns wall-clock times into instants in winter and summer time, and back', () => {
		expect(fromBerlin('2027-03-18', '09:00')?.toISOString()).toBe('2027-03-18T08:00:00.000Z');
		expect(fromBerlin('2027-07-01', '09:00')?.toISOString()).toBe('2027-07-01T07:00:00.000Z');
		// The day summer time begins: 02:30 does not exist, 03:30 is CEST.
		expect(fromBerlin('2027-03-28', '02:30')).toBeNull();
		expect(fromBerlin('2027-03-28', '03:30')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
		for (const bad of [['2027-13-01', '09:00'], ['18.03.2027', '09:00'], ['2027-03-18', '9 Uhr'], ['2027-03-18', '24:00']]) expect(fromBerlin(bad[0], bad[1])).toBeNull();
		const instant = new Date('2027-10-31T00:30:00Z');
		expect([berlinDateInput(instant), berlinTimeInput(instant)]).toEqual(['2027-10-31', '02:30']);
	});

	it('writes dates and durations as Germans expect them', () => {
		expect(span('de', { start: '2027-03-18T08:00:00Z', end: '2027-03-18T15:00:00Z' })).toBe('Do., 18.03.2027, 09:00–16:00 Uhr');
		expect(span('de', { start: '2027-03-18T08:00:00Z', end: '2027-03-19T15:00:00Z' })).toBe('Do., 18.03.2027, 09:00 Uhr – Fr., 19.03.2027, 16:00 Uhr');
		expect(spans('de', [{ start: '2027-07-01T07:00:00Z', end: '2027-07-01T10:30:00Z' }, { start: '2027-07-08T07:00:00Z', end: '2027-07-08T10:30:00Z' }])).toBe(
			'Do., 01.07.2027, 09:00–12:30 Uhr; Do., 08.07.2027, 09:00–12:30 Uhr'
		);
		expect([duration('de', 360), duration('de', 210), duration('de', 60), duration('de', 45), duration('de', null)]).toEqual(['6 Stunden', '3,5 Stunden', '1 Stunde', '45 Minuten', '']);
	});
});
