import { instrumentOfFramework } from '../frameworks/framework-kind';
import { identityOfSlug } from '../identity/organisation-identity';
import { getPublishedModule } from './get-published-module';
import { closedCode } from './registration-intake';
import type { Visitor } from './catalogue-context';

/** /katalog/{id}: a published module with its facilitators and upcoming sessions (no online links: those are for the registered). */
export async function getModulePage(ctx: Visitor, moduleId: string) {
	const m = await getPublishedModule(ctx, moduleId);
	const now = ctx.now;
	return {
		// The organisation's logo, colour and legal links around the page (root layout).
		identity: await identityOfSlug(ctx.db, m.orgSlug),
		// A module on the conditions catalogue lists the conditions it addresses, in those words.
		instrument: await instrumentOfFramework(ctx.db, m.frameworkId),
		module: {
			id: m.id,
			title: m.title,
			subtitle: m.subtitle,
			descriptionHtml: m.descriptionHtml,
			learningGoals: m.learningGoals,
			format: m.format,
			durationMinutes: m.durationMinutes,
			language: m.language,
			priceCents: m.priceCents,
			targetGroups: m.targetGroups,
			competences: m.competences,
			orgName: m.orgName,
			orgSlug: m.orgSlug
		},
		facilitators: m.facilitators,
		sessions: m.sessions.map((s) => ({
			id: s.id,
			parts: s.parts,
			location: s.location,
			online: s.onlineUrl !== '',
			capacity: s.capacity,
			status: s.status,
			note: s.note,
			registrationDeadline: s.registrationDeadline,
			seats: s.seats,
			closed: closedCode(s, now)
		}))
	};
}
