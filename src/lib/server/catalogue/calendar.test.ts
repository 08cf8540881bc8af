import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { tenantAs } from '../../../../tests/helpers/actors';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { catalogueFeed, sessionCalendar } from './calendar';
import { createSession } from './create-session';
import { saveModule } from './save-module';

let t: TestDatabase;
let altenburg: TenantContext;
let gera: TenantContext;
const baseUrl = 'https://stadtwissen.test';

beforeAll(async () => {
	t = await createTestDatabase();
	altenburg = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	gera = await tenantAs(t.db, 'Stadt Gera', 'organiser');
});

function parse(body: string) {
	const calendar = new ICAL.Component(ICAL.parse(body));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	return calendar;
}

const events = (calendar: ICAL.Component) => calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

describe('iCalendar', () => {
	it('writes a two-day block in Berlin time, in winter and in summer, and a real parser reads the right instants', async () => {
		const { id } = await saveModule(altenburg, { title: 'Macht Stadt gemeinsam!', subtitle: 'Welches Wissen braucht Verwaltung?', description: 'Absatz eins\n\nAbsatz zwei', format: 'workshop', status: 'published' });
		// 18 March 2099 is CET (+01:00); the block runs over two days.
		const winter = await createSession(altenburg, id, { start: '2099-03-18T09:00:00+01:00', end: '2099-03-19T16:00:00+01:00', location: 'Rathaus Altenburg, Markt 1', capacity: 20 });
		const { body, fileName } = await sessionCalendar(t.db, winter.id, baseUrl);
		expect(fileName).toBe('Macht-Stadt-gemeinsam.ics');
		expect(body).toContain('BEGIN:VTIMEZONE');
		expect(body).toContain('DTSTART;TZID=Europe/Berlin:20990318T090000');
		expect(body).toContain('DTEND;TZID=Europe/Berlin:20990319T160000');
		const calendar = parse(body);
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Macht Stadt gemeinsam!');
		const [event] = events(calendar);
		expect(event.summary).toBe('Macht Stadt gemeinsam!');
		expect(event.location).toBe('Rathaus Altenburg, Markt 1');
		expect(event.startDate.toJSDate().toISOString()).toBe('2099-03-18T08:00:00.000Z');
		expect(event.endDate.toJSDate().toISOString()).toBe('2099-03-19T15:00:00.000Z');
		expect(event.startDate.zone.tzid).toBe('Europe/Berlin');
		expect(event.description).toContain('Absatz zwei');
		expect(event.description).toContain(`${baseUrl}/katalog/${id}`);

		// Two separate mornings in summer time (+02:00) are two events.
		const summer = await createSession(altenburg, id, {
			parts: [
				{ start: '2099-07-01T09:00:00+02:00', end: '2099-07-01T12:30:00+02:00' },
				{ start: '2099-07-08T09:00:00+02:00', end: '2099-07-08T12:30:00+02:00' }
			],
			onlineUrl: 'https://konferenz.example/raum',
			capacity: 16
		});
		const both = events(parse((await sessionCalendar(t.db, summer.id, baseUrl)).body));
		expect(both.map((e) => e.summary)).toEqual(['Macht Stadt gemeinsam! (Tag 1 von 2)', 'Macht Stadt gemeinsam! (Tag 2 von 2)']);
		expect(both.map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
			['2099-07-01T07:00:00.000Z', '2099-07-01T10:30:00.000Z'],
			['2099-07-08T07:00:00.000Z', '2099-07-08T10:30:00.000Z']
		]);
		expect(both[0].location).toBe('https://konferenz.example/raum');
		expect(new Set(both.map((e) => e.uid)).size).toBe(2);

		// The feed has every upcoming session of published modules, filterable by organisation.
		const feed = events(parse(await catalogueFeed(t.db, baseUrl)));
		expect(feed).toHaveLength(3);
		expect(events(parse(await catalogueFeed(t.db, baseUrl, 'stadt-gera')))).toHaveLength(0);
	});

	it('serves drafts only to their own organisation, and 404 for unknown ids', async () => {
		const { id } = await saveModule(gera, { title: 'Entwurf', format: 'talk' });
		const session = await createSession(gera, id, { start: '2099-05-01T10:00:00+02:00', end: '2099-05-01T11:00:00+02:00', location: 'Gera', capacity: 5 });
		await expect(sessionCalendar(t.db, session.id, baseUrl)).rejects.toBeInstanceOf(AppError);
		await expect(sessionCalendar(t.db, session.id, baseUrl, altenburg.org.orgId)).rejects.toMatchObject({ code: 'not_found' });
		expect((await sessionCalendar(t.db, session.id, baseUrl, gera.org.orgId)).body).toContain('SUMMARY:Entwurf');
		await expect(sessionCalendar(t.db, 'x.ics', baseUrl)).rejects.toMatchObject({ code: 'not_found' });
	});
});
