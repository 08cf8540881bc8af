import { identityOfSlug } from '../identity/organisation-identity';
import { checkInCode } from './check-in-link';
import { mayGiveFeedback } from './feedback-access';
import { viewRegistration } from './view-registration';
import type { Visitor } from './catalogue-context';

/** /katalog/anmeldung/{token}: the registration behind a personal link, and what its holder may do with it. */
export async function getRegistrationPage(ctx: Visitor, token: string) {
	const view = await viewRegistration(ctx, token);
	const { registration: r, lock } = view;
	const now = ctx.now;
	return {
		// The organisation's logo, colour and legal links (root layout).
		identity: await identityOfSlug(ctx.db, lock.orgSlug),
		registration: { status: r.status, name: r.name, holdUntil: r.holdUntil, emailConfirmed: r.emailConfirmedAt !== null, feedbackGiven: r.feedbackGiven },
		position: view.position,
		module: { id: lock.module.id, title: lock.module.title, subtitle: view.subtitle },
		session: {
			id: lock.session.id,
			parts: lock.session.parts,
			location: lock.session.location,
			// The online link only for a confirmed seat.
			onlineUrl: r.status === 'confirmed' ? lock.session.onlineUrl : '',
			online: lock.session.onlineUrl !== '',
			status: lock.session.status,
			note: lock.session.note
		},
		orgName: lock.orgName,
		mayCancel: ['pending_confirmation', 'confirmed', 'offered', 'waitlisted'].includes(r.status) && now < lock.session.startsAt && lock.session.status !== 'cancelled',
		mayFeedback: mayGiveFeedback(r, lock.session, now),
		hasCertificate: view.certificateCode !== null,
		// The QR code for the door, for a confirmed seat of a session that takes place.
		checkIn: r.status === 'confirmed' && lock.session.status !== 'cancelled' && now < lock.session.endsAt ? checkInCode(ctx.baseUrl, r.id) : null
	};
}
