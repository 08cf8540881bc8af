import { berlinWallClock } from '../../format/berlin-time';
import type { FacilitatorView, ModuleRow, SessionView } from './module-views';
import { closedCode, type RegistrationReceipt } from './registration-intake';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the Berlin offset, e.g. 2027-03-18T09:00:00+01:00. */
export function isoBerlin(value: Date | string): string {
	const date = typeof value === 'string' ? new Date(value) : value;
	const p = berlinWallClock(date);
	const offsetMinutes = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
	const sign = offsetMinutes >= 0 ? '+' : '-';
	const abs = Math.abs(offsetMinutes);
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function sessionJson(session: SessionView, baseUrl: string, now = new Date()) {
	return {
		id: session.id,
		start: isoBerlin(session.startsAt),
		end: isoBerlin(session.endsAt),
		parts: session.parts.map((part) => ({ start: isoBerlin(part.start), end: isoBerlin(part.end) })),
		location: session.location,
		onlineUrl: session.onlineUrl || null,
		capacity: session.capacity,
		freeSeats: session.seats.free,
		waitlist: session.seats.waitlisted,
		status: session.status,
		registrationOpen: closedCode(session, now) === null,
		registrationDeadline: session.registrationDeadline ? isoBerlin(session.registrationDeadline) : null,
		note: session.note,
		calendarUrl: `${baseUrl}/api/v1/sessions/${session.id}.ics`,
		registrationUrl: `${baseUrl}/katalog/termin/${session.id}`
	};
}

export function moduleJson(
	module: ModuleRow & { orgName: string; orgSlug: string; facilitators: FacilitatorView[]; sessions: SessionView[] },
	baseUrl: string
) {
	return {
		id: module.id,
		organisation: { slug: module.orgSlug, name: module.orgName },
		title: module.title,
		subtitle: module.subtitle,
		description: module.descriptionHtml,
		learningGoals: module.learningGoals,
		format: module.format,
		durationMinutes: module.durationMinutes,
		language: module.language,
		targetGroups: module.targetGroups,
		frameworkId: module.frameworkId,
		competences: module.competences.map((c) => ({ code: c.code, level: c.level, title: { de: c.title_de, en: c.title_en }, principles: c.principles })),
		facilitators: module.facilitators.map((f) => ({ name: f.name, organisation: f.organisation, sector: f.sector, bio: f.bio, photoUrl: f.hasPhoto ? `${baseUrl}/katalog/foto/${f.id}` : null })),
		priceCents: module.priceCents,
		free: module.priceCents === 0,
		registrationQuestions: module.registrationQuestions,
		status: module.status,
		publishedAt: module.publishedAt ? isoBerlin(module.publishedAt) : null,
		url: `${baseUrl}/katalog/${module.id}`,
		sessions: module.sessions.map((session) => sessionJson(session, baseUrl))
	};
}

/** A registration's receipt: its id and status, the place on the waiting list, how long a seat is held. */
export function receiptJson(receipt: RegistrationReceipt) {
	return {
		id: receipt.id,
		status: receipt.status,
		...(receipt.position !== undefined ? { position: receipt.position } : {}),
		...(receipt.holdUntil ? { holdUntil: isoBerlin(receipt.holdUntil) } : {})
	};
}
