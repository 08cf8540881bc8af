import ical, { ICalCalendarMethod, ICalEventStatus, type ICalLuxonDateTimeStub } from 'ical-generator';
import { and, asc, eq, gt, ne, type SQL } from 'drizzle-orm';
import { berlinWallClock } from '../../format/berlin-time';
import type { Db } from '../db/client';
import { catalogueModules, catalogueSessions, organisations, type SessionPart } from '../db/schema';
import { AppError } from '../errors';
import { descriptionText } from './rich-text';
import { isUuid } from '../validate';

/*
 * iCalendar (RFC 5545) with ical-generator: one VEVENT per date of a session (a two-day workshop
 * on separate days is two events; a block that runs over midnight is one event spanning days),
 * times in Europe/Berlin with a VTIMEZONE, so every calendar shows the right local time.
 */

const TIME_ZONE = 'Europe/Berlin';

/** The VTIMEZONE of Europe/Berlin (EU summer time rules since 1996). */
const BERLIN_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Berlin',
	'X-LIC-LOCATION:Europe/Berlin',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * ical-generator writes a timezone's wall-clock time through a Luxon-like object; this one gives
 * Berlin wall-clock times from Intl, independent of the server's own time zone.
 */
function berlin(date: Date): ICalLuxonDateTimeStub {
	const p = berlinWallClock(date);
	const stub: ICalLuxonDateTimeStub = {
		get isValid() {
			return !Number.isNaN(date.getTime());
		},
		setZone: () => stub,
		toFormat: (format: string) => (format === 'yyyyLLdd' ? `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}` : `${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`),
		toJSDate: () => date,
		toJSON: () => date.toISOString(),
		zone: { type: 'iana' }
	};
	return stub;
}

export interface CalendarSession {
	id: string;
	parts: SessionPart[];
	location: string;
	onlineUrl: string;
	status: 'open' | 'closed' | 'cancelled';
	note: string;
	moduleId: string;
	moduleTitle: string;
	moduleSubtitle: string;
	descriptionHtml: string;
	orgName: string;
}

function newCalendar(name: string) {
	const calendar = ical({ name, prodId: { company: 'Stadtwissen', product: 'Fortbildungskatalog', language: 'DE' } });
	calendar.timezone({ name: TIME_ZONE, generator: (zone) => (zone === TIME_ZONE ? BERLIN_VTIMEZONE : null) });
	return calendar;
}

function addSession(calendar: ReturnType<typeof ical>, session: CalendarSession, baseUrl: string): void {
	const url = `${baseUrl}/katalog/${session.moduleId}`;
	const description = [session.moduleSubtitle, descriptionText(session.descriptionHtml), session.note, session.onlineUrl ? `Online: ${session.onlineUrl}` : '', `Mehr und Anmeldung: ${url}`]
		.filter(Boolean)
		.join('\n\n');
	session.parts.forEach((part, index) => {
		const many = session.parts.length > 1;
		calendar.createEvent({
			id: `${session.id}-${index + 1}@stadtwissen`,
			start: berlin(new Date(part.start)),
			end: berlin(new Date(part.end)),
			timezone: TIME_ZONE,
			summary: `${session.moduleTitle}${many ? ` (Tag ${index + 1} von ${session.parts.length})` : ''}`,
			description,
			location: session.location || session.onlineUrl || null,
			url,
			organizer: { name: session.orgName, email: 'no-reply@stadtwissen.example' },
			status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	});
}

const sessionColumns = {
	id: catalogueSessions.id,
	parts: catalogueSessions.parts,
	location: catalogueSessions.location,
	onlineUrl: catalogueSessions.onlineUrl,
	status: catalogueSessions.status,
	note: catalogueSessions.note,
	moduleId: catalogueModules.id,
	moduleTitle: catalogueModules.title,
	moduleSubtitle: catalogueModules.subtitle,
	descriptionHtml: catalogueModules.descriptionHtml,
	orgName: organisations.name,
	orgId: catalogueModules.orgId,
	moduleStatus: catalogueModules.status
};

async function loadSessions(db: Db, where: SQL) {
	return db
		.select(sessionColumns)
		.from(catalogueSessions)
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
		.innerJoin(organisations, eq(organisations.id, catalogueModules.orgId))
		.where(where)
		.orderBy(asc(catalogueSessions.startsAt));
}

/** The .ics of one session of a published module (or of the caller's own organisation). */
export async function sessionCalendar(db: Db, sessionId: string, baseUrl: string, viewerOrgId?: string): Promise<{ body: string; fileName: string }> {
	const notFound = new AppError('not_found', 'Diesen Termin gibt es nicht.');
	if (!isUuid(sessionId)) throw notFound;
	const [session] = await loadSessions(db, eq(catalogueSessions.id, sessionId));
	if (!session || (session.moduleStatus !== 'published' && session.orgId !== viewerOrgId)) throw notFound;
	const calendar = newCalendar(session.moduleTitle);
	calendar.method(ICalCalendarMethod.PUBLISH);
	addSession(calendar, session, baseUrl);
	const stem = session.moduleTitle.replace(/[^A-Za-z0-9ÄÖÜäöüß -]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'termin';
	return { body: calendar.toString(), fileName: `${stem}.ics` };
}

/** A subscribable feed of every upcoming, not cancelled session of published modules (optionally one organisation). */
export async function catalogueFeed(db: Db, baseUrl: string, orgSlug?: string): Promise<string> {
	const conditions = [eq(catalogueModules.status, 'published'), ne(catalogueSessions.status, 'cancelled'), gt(catalogueSessions.endsAt, new Date(Date.now() - 30 * 86_400_000))];
	if (orgSlug) conditions.push(eq(organisations.slug, orgSlug));
	const sessions = await loadSessions(db, and(...conditions)!);
	const name = orgSlug && sessions[0] ? `Fortbildungen: ${sessions[0].orgName}` : 'Fortbildungskatalog (Stadtwissen)';
	const calendar = newCalendar(name);
	calendar.method(ICalCalendarMethod.PUBLISH);
	calendar.ttl(60 * 60 * 6);
	for (const session of sessions) addSession(calendar, session, baseUrl);
	return calendar.toString();
}
