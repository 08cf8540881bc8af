import { and, eq, inArray, sql } from 'drizzle-orm';
import { invitationEmails, invitations } from '../db/schema';
import { day } from '../../format/berlin-time';
import { AppError } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { sendMail } from '../mail/send-mail';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';
import { requireMail } from './invitation-rules';

/**
 * Reminds only addresses whose link has not finished the current round, without repeating the link.
 * The reminder before a closing day (applyStudyDates) names that day.
 */
export async function remindUnfinished(ctx: TenantContext, studyId: string, options: { closesOn?: string | null } = {}): Promise<{ reminded: number }> {
	const study = await getStudy(ctx, studyId);
	if (study.status !== 'open') throw new AppError('conflict', 'Erinnerungen gibt es nur, solange die Analyse geöffnet ist.');
	requireMail('Erinnerungen per E-Mail');
	requireMailHost(ctx);
	const pending = await ctx.db
		.select({ id: invitationEmails.id, email: invitationEmails.email })
		.from(invitationEmails)
		.innerJoin(invitations, eq(invitations.id, invitationEmails.invitationId))
		.where(and(eq(invitationEmails.studyId, studyId), sql`NOT (${study.currentRound} = ANY(${invitations.finishedRounds}))`, sql`(${invitationEmails.remindedOn} IS NULL OR ${invitationEmails.remindedOn} < current_date)`));
	for (const row of pending) {
		await sendMail(ctx.db, {
			orgId: ctx.org.orgId,
			kind: 'study_reminder',
			carriesLink: false,
			to: row.email,
			subject: `Erinnerung: ${study.title}`,
			body: [
				'Guten Tag,',
				'',
				`vielleicht haben Sie es noch nicht geschafft: ${ctx.org.orgName} freut sich über Ihre Einschätzung.`,
				...(options.closesOn ? [`Die Befragung schließt am ${day('de', `${options.closesOn}T12:00:00Z`)} um 24 Uhr.`] : []),
				'Bitte nutzen Sie den Link aus unserer ersten E-Mail. Wenn Sie schon teilgenommen haben, ist diese Nachricht für Sie erledigt – danke!'
			].join('\n')
		});
	}
	if (pending.length) await ctx.db.update(invitationEmails).set({ remindedOn: sql`current_date` }).where(inArray(invitationEmails.id, pending.map((p) => p.id)));
	return { reminded: pending.length };
}
