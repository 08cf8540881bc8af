import { feedbackWindowOpen } from '../../domain/anonymity/session-feedback';

/** Who may answer: present at the session, the feedback window open, and not answered yet. */
export function mayGiveFeedback(
	registration: { status: string; attended: boolean; feedbackGiven: boolean; anonymisedAt: Date | null },
	session: { startsAt: Date; endsAt: Date },
	now = new Date()
): boolean {
	return registration.status === 'confirmed' && registration.attended && !registration.feedbackGiven && !registration.anonymisedAt && feedbackWindowOpen(session, now);
}
