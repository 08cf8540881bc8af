import { error } from '@sveltejs/kit';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { getPublishedModule } from '$lib/server/catalogue/public-catalogue';
import { closedCode } from '$lib/server/catalogue/register';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	try {
		const m = await getPublishedModule(getDatabase(), params.id, catalogueEnv(url));
		const now = new Date();
		return {
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
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
