import { describe, expect, it } from 'vitest';
import { berlinDateInput, berlinTimeInput, duration, fromBerlin, price, span, spans } from '../../components/catalogue/format';
import { isoBerlin } from './api-representation';
import { readModuleForm, readSessionForm } from './forms';

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
		expect(isoBerlin('2027-03-18T08:00:00Z')).toBe('2027-03-18T09:00:00+01:00');
		expect(isoBerlin('2027-07-01T07:00:00Z')).toBe('2027-07-01T09:00:00+02:00');
	});

	it('writes dates, durations and prices as Germans expect them', () => {
		expect(span('de', { start: '2027-03-18T08:00:00Z', end: '2027-03-18T15:00:00Z' })).toBe('Do., 18.03.2027, 09:00–16:00 Uhr');
		expect(span('de', { start: '2027-03-18T08:00:00Z', end: '2027-03-19T15:00:00Z' })).toBe('Do., 18.03.2027, 09:00 Uhr – Fr., 19.03.2027, 16:00 Uhr');
		expect(spans('de', [{ start: '2027-07-01T07:00:00Z', end: '2027-07-01T10:30:00Z' }, { start: '2027-07-08T07:00:00Z', end: '2027-07-08T10:30:00Z' }])).toBe(
			'Do., 01.07.2027, 09:00–12:30 Uhr; Do., 08.07.2027, 09:00–12:30 Uhr'
		);
		expect([duration('de', 360), duration('de', 210), duration('de', 60), duration('de', 45), duration('de', null)]).toEqual(['6 Stunden', '3,5 Stunden', '1 Stunde', '45 Minuten', '']);
		expect([price('de', 0), price('de', 4550), price('de', 120000)]).toEqual(['kostenfrei', '45,50\u00a0€', '1.200,00\u00a0€']);
	});
});

const form = (fields: [string, string][]) => {
	const data = new FormData();
	for (const [key, value] of fields) data.append(key, value);
	return data;
};

describe('forms', () => {
	it('read a session with one row per day in Berlin time, and name the fields of bad rows', () => {
		const parsed = readSessionForm(
			form([
				['p0_date', '2027-03-18'],
				['p0_from', '09:00'],
				['p0_to', '16:00'],
				['p2_date', '2027-03-19'],
				['p2_from', '09:00'],
				['p2_to', '12:00'],
				['location', 'Rathaus'],
				['capacity', '20'],
				['deadline', '2027-03-10']
			])
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.input).toMatchObject({
			parts: [
				{ start: '2027-03-18T08:00:00.000Z', end: '2027-03-18T15:00:00.000Z' },
				{ start: '2027-03-19T08:00:00.000Z', end: '2027-03-19T11:00:00.000Z' }
			],
			capacity: 20,
			registrationDeadline: '2027-03-10T22:59:59.999Z'
		});
		expect(parsed.fieldFor('parts[1].end')).toBe('p2_to');
		const bad = readSessionForm(form([['p0_date', '2027-03-18'], ['p0_from', '16:00'], ['p0_to', '09:00'], ['p1_from', '10:00'], ['capacity', 'zwanzig']]));
		expect(bad.errors).toEqual({ p0_to: 'Das Ende muss nach dem Beginn liegen.', p1_date: 'Bitte geben Sie das Datum an.', capacity: expect.stringContaining('ganze Zahl') });
	});

	it('read a module with hours, euros, levels and facilitator rows, skipping empty rows', () => {
		const parsed = readModuleForm(
			form([
				['title', 'Modul'],
				['format', 'workshop'],
				['duration', '3,5'],
				['price', '1.200,50'],
				['targetGroups', 'verwaltung'],
				['targetGroups', 'kultur'],
				['level:A1.1', 'anwenden'],
				['level:A1.2', ''],
				['f0_name', ''],
				['f1_name', 'Susann Seifert'],
				['f1_sector', 'zivilgesellschaft'],
				['learningGoals', '- Erstens\n\n- Zweitens']
			])
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.input).toMatchObject({
			durationMinutes: 210,
			priceCents: 120050,
			targetGroups: ['verwaltung', 'kultur'],
			competences: [{ code: 'A1.1', level: 'anwenden' }],
			facilitators: [{ name: 'Susann Seifert', sector: 'zivilgesellschaft' }],
			learningGoals: ['Erstens', 'Zweitens']
		});
		expect(parsed.fieldFor('facilitators[0].name')).toBe('f1_name');
		expect(readModuleForm(form([['duration', 'einen Tag'], ['price', '12 Euro']])).errors).toEqual({ duration: expect.stringContaining('Stunden'), price: expect.stringContaining('Euro') });
	});
});
