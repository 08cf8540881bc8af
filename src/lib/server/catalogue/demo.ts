import { desc, eq } from 'drizzle-orm';
import { berlinDateInput, fromBerlin } from '../../format/berlin-time';
import type { Db } from '../db/client';
import { catalogueFacilitators, catalogueFeedback, catalogueModules, catalogueRegistrations, catalogueSessions, frameworkVersions } from '../db/schema';
import { defaultFrameworkId } from '../frameworks/default-framework';
import { sanitizeDescription } from './rich-text';
import { resolveCompetences } from './module-competences';

/*
 * The seed module "Macht Stadt gemeinsam!" with its three facilitators, as the demo catalogue:
 * two upcoming sessions (one on site, one online on two mornings) and one past session with
 * attendance and anonymous feedback, so every page has something to show.
 */

export const SEED_TITLE = 'Macht Stadt gemeinsam!';
export const SEED_SUBTITLE = 'Welches Wissen braucht Verwaltung für eine nachhaltige und integrierte Stadtentwicklung: heute, morgen, übermorgen?';

export const SEED_DESCRIPTION = [
	'Macht Stadt gemeinsam! – so lautet die Leitidee der Neuen Leipzig Charta, die das Ziel einer nachhaltigen und gemeinwohlorientierten Stadtentwicklung postuliert.',
	'Angesichts der Herausforderungen, vor denen Städte und Gemeinden bei dieser Zielorientierung stehen, werden alle gesellschaftlichen Akteure zur Zusammenarbeit aufgerufen.',
	'Um aktuelle und zukünftige soziale, wirtschaftliche und ökologische Herausforderungen erfolgreich zu bewältigen, spielt auch eine nachhaltige Personalentwicklung eine zentrale Rolle. Kommunen brauchen qualifizierte Mitarbeiter*innen, die sich kontinuierlich weiterbilden und spezialisieren, um mit den technischen und gesellschaftlichen Trends Schritt halten zu können. Denn nichts ist so beständig wie der Wandel, was auch der griechische Philosoph und Denker Heraklit vor über zweieinhalbtausend Jahren wusste.',
	'Diese ständigen Veränderungen und der Wandel in der Stadtentwicklung erfordern die Entwicklung neuer und die Weiterentwicklung bestehender Fortbildungskonzepte, die Mitarbeiter*innen aus der Verwaltung, Kommunalpolitiker*innen und Akteure aus dem kommunalen Umfeld bei der Bewältigung ihrer vielfältigen Aufgaben durch gezielte Qualifizierung stärken.',
	'Doch welches Wissen braucht Verwaltung für eine nachhaltige und integrierte Stadtentwicklung? Was können Verwaltungen von Stadtmacher*innen, von Kunst-, Kultur- und Kreativschaffenden lernen? Wie ist es möglich, Dinge, die diese Akteure schon lange leben, in das Verwaltungshandeln zu integrieren? Wie können Verwaltungen und zivilgesellschaftliche Akteure zu einer gemeinsamen Sprache finden, um Stadtentwicklung als Gemeinschaftswerk zu leben? Welche Rahmenbedingungen braucht es dafür?',
	'Diese und andere Fragen wollen wir mit Ihnen gemeinsam in diesem Modul besprechen.'
].join('\n\n');

export const SEED_FACILITATORS = [
	{ name: 'Susann Seifert', organisation: 'Erlebe was geht gGmbH', sector: 'zivilgesellschaft', bio: '' },
	{ name: 'Christine Büring', organisation: 'Vizepräsidentin IHK Ostthüringen zu Gera', sector: 'wirtschaft', bio: '' },
	{ name: 'Livia Maria Andreas', organisation: 'FB Bau und Stadtentwicklung, Stadt Altenburg', sector: 'verwaltung', bio: '' }
] as const;

const SEED_GOALS = [
	'Sie kennen die Leitidee der Neuen Leipzig-Charta und wissen, was sie für Ihre Arbeit bedeutet.',
	'Sie wissen, was Verwaltung von Stadtmacher*innen, Kunst-, Kultur- und Kreativschaffenden lernen kann.',
	'Sie üben, mit zivilgesellschaftlichen Akteuren eine gemeinsame Sprache zu finden.',
	'Sie erkennen, welche Rahmenbedingungen gute Zusammenarbeit braucht.'
];

export const SEED_COMPETENCES = [
	{ code: 'A1.1', level: 'kennenlernen' },
	{ code: 'A3.4', level: 'anwenden' },
	{ code: 'A4.3', level: 'anwenden' },
	{ code: 'A4.5', level: 'kennenlernen' },
	{ code: 'A8.4', level: 'kennenlernen' }
] as const;

/** A Thursday about `days` from now, at a Berlin wall-clock time. */
function thursday(days: number, time: string): Date {
	const day = new Date(Date.now() + days * 86_400_000);
	day.setUTCDate(day.getUTCDate() + ((4 - day.getUTCDay() + 7) % 7));
	return fromBerlin(berlinDateInput(day), time)!;
}

const iso = (date: Date) => date.toISOString();

/** Enters the seed module into the demo organisation; does nothing when it is there already. */
export async function loadCatalogueDemo(db: Db, orgId: string): Promise<void> {
	const [existing] = await db.select({ id: catalogueModules.id }).from(catalogueModules).where(eq(catalogueModules.orgId, orgId)).limit(1);
	if (existing) return;
	const frameworkId = await defaultFrameworkId(db);
	let competences: ReturnType<typeof resolveCompetences> = [];
	if (frameworkId) {
		const [version] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, frameworkId)).orderBy(desc(frameworkVersions.number)).limit(1);
		competences = resolveCompetences(version.document, version.document.meta.name_de, [...SEED_COMPETENCES]);
	}
	await db.transaction(async (tx) => {
		const [module] = await tx
			.insert(catalogueModules)
			.values({
				orgId,
				title: SEED_TITLE,
				subtitle: SEED_SUBTITLE,
				descriptionSource: SEED_DESCRIPTION,
				descriptionHtml: sanitizeDescription(SEED_DESCRIPTION),
				learningGoals: SEED_GOALS,
				format: 'workshop',
				durationMinutes: 360,
				language: 'de',
				targetGroups: ['verwaltung', 'politik', 'zivilgesellschaft', 'kultur', 'wirtschaft'],
				frameworkId: frameworkId ?? null,
				competences,
				principles: [...new Set(competences.flatMap((c) => c.principles))].sort(),
				priceCents: 0,
				status: 'published',
				publishedAt: new Date()
			})
			.returning({ id: catalogueModules.id });
		await tx.insert(catalogueFacilitators).values(SEED_FACILITATORS.map((f, position) => ({ moduleId: module.id, position, ...f })));

		const onSite = { start: thursday(42, '09:00'), end: thursday(42, '15:30') };
		const morning1 = { start: thursday(84, '09:00'), end: thursday(84, '12:30') };
		const morning2 = { start: new Date(morning1.start.getTime() + 7 * 86_400_000), end: new Date(morning1.end.getTime() + 7 * 86_400_000) };
		const past = { start: thursday(-63, '09:00'), end: thursday(-63, '15:30') };
		const sessions = await tx
			.insert(catalogueSessions)
			.values([
				{ moduleId: module.id, orgId, startsAt: onSite.start, endsAt: onSite.end, parts: [{ start: iso(onSite.start), end: iso(onSite.end) }], location: 'Rathaus Altenburg, Festsaal', capacity: 20, registrationDeadline: new Date(onSite.start.getTime() - 7 * 86_400_000) },
				{
					moduleId: module.id,
					orgId,
					startsAt: morning1.start,
					endsAt: morning2.end,
					parts: [morning1, morning2].map((p) => ({ start: iso(p.start), end: iso(p.end) })),
					location: '',
					onlineUrl: 'https://konferenz.example/macht-stadt-gemeinsam',
					capacity: 16,
					note: 'Online an zwei Vormittagen. Den Zugang schicken wir Ihnen mit der Bestätigung.'
				},
				{ moduleId: module.id, orgId, startsAt: past.start, endsAt: past.end, parts: [{ start: iso(past.start), end: iso(past.end) }], location: 'Rathaus Altenburg, Festsaal', capacity: 20, status: 'closed' }
			])
			.returning({ id: catalogueSessions.id });
		const people = [
			['Anna Beispiel', 'verwaltung', 'Stadt Altenburg, Ordnungsamt'],
			['Ben Muster', 'politik', 'Stadtrat Altenburg'],
			['Clara Kulturhaus', 'kultur', 'Kulturverein'],
			['Deniz Werkstatt', 'zivilgesellschaft', 'Stadtteilinitiative'],
			['Eva Handel', 'wirtschaft', 'Einzelhandel Innenstadt'],
			['Felix Planung', 'verwaltung', 'Stadt Altenburg, Stadtplanung'],
			['Greta Bürgerbüro', 'verwaltung', 'Stadt Altenburg, Bürgerbüro'],
			['Hakan Quartier', 'zivilgesellschaft', 'Quartiersmanagement']
		] as const;
		const row = (sessionId: string, [name, group, organisation]: (typeof people)[number], i: number, attended: boolean) => ({
			sessionId,
			orgId,
			name,
			email: `${name.toLowerCase().replace(/ /g, '.').replace(/ü/g, 'ue').replace(/ä/g, 'ae').replace(/ö/g, 'oe')}@demo.example`,
			organisation,
			groupKey: group,
			status: 'confirmed' as const,
			emailConfirmedAt: new Date(),
			confirmedAt: new Date(),
			consentedAt: new Date(),
			source: 'organiser' as const,
			attended,
			feedbackGiven: attended
		});
		await tx.insert(catalogueRegistrations).values([
			...people.slice(0, 3).map((p, i) => row(sessions[0].id, p, i, false)),
			...people.map((p, i) => row(sessions[2].id, p, i, true))
		]);
		const feedback = [
			[5, 5, 'Dass Stadtmacher*innen oft schneller ausprobieren dürfen als wir.', 'Mehr Zeit für den Austausch in kleinen Gruppen.'],
			[4, 5, 'Die Idee, Zwischennutzung als Lernraum zu sehen.', ''],
			[5, 4, 'Kontakte zur Stadtteilinitiative.', 'Ein Folgetermin in einem halben Jahr.'],
			[4, 4, '', 'Bitte Unterlagen vorher schicken.'],
			[3, 4, 'Gemeinsame Begriffe klären, bevor man plant.', ''],
			[5, 5, 'Dass wir eine gemeinsame Sprache brauchen – und wie man anfängt.', ''],
			[4, 3, '', 'Mehr Beispiele aus kleineren Städten.'],
			[5, 4, 'Wie man Beteiligung früh einplant.', '']
		] as const;
		await tx.insert(catalogueFeedback).values(feedback.map(([overall, usefulness, takeaway, improve]) => ({ sessionId: sessions[2].id, overall, usefulness, takeaway, improve })));
	});
}
