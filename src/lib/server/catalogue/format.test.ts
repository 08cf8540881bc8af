import { describe, expect, it } from 'vitest';
import { isoBerlin } from './api-representation';
import { sessionInputSchema } from '../../schemas/catalogue';
import { readModuleForm, readSessionForm, withSchemaProblems } from './forms';

describe('Berlin time in the API', () => {
	it('writes instants as ISO 8601 with the Berlin offset of that day', () => {
		expect(isoBerlin('2027-03-18T08:00:00Z')).toBe('2027-03-18T09:00:00+01:00');
		expect(isoBerlin('2027-07-01T07:00:00Z')).toBe('2027-07-01T09:00:00+02:00');
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

	it('report the reader’s problems together with the schema’s, the reader’s first', () => {
		const reading = withSchemaProblems(readSessionForm(form([['p0_date', '2027-03-18'], ['p0_from', '09:00'], ['p0_to', '16:00'], ['capacity', 'zwanzig']])), sessionInputSchema);
		expect(reading.errors).toEqual({ capacity: expect.stringContaining('ganze Zahl'), location: 'Bitte geben Sie einen Ort oder einen Online-Link an.' });
		const fine = readSessionForm(form([['p0_date', '2027-03-18'], ['p0_from', '09:00'], ['p0_to', '16:00'], ['capacity', '20']]));
		expect(withSchemaProblems(fine, sessionInputSchema)).toBe(fine);
	});
});
