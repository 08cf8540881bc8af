import { sql } from 'drizzle-orm';
import { invitationBatches, invitationEmails, invitations } from '../db/schema';
import { AppError } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { sendMail } from '../mail/send-mail';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';
import { invitationHash, newInvitationToken } from './token-crypto';
import { MAX_BATCH } from '../../schemas/studies';
import { participationLink, requireGroup, requireNotFinished, requireMail } from './invitation-rules';

/**
 * Sends each address its own link once. The address is kept apart and only to remind those who
 * have not finished; reminders never repeat the link.
 */
export async function inviteByEmail(ctx: TenantContext, input: { studyId: string; group: string; emails: string[]; baseUrl: string }) {
	const study = await getStudy(ctx, input.studyId);
	const group = requireGroup(study, input.group);
	requireNotFinished(study);
	if (study.status !== 'open') throw new AppError('conflict', 'E-Mail-Einladungen gehen erst hinaus, wenn die Analyse geöffnet ist.');
	requireMail('E-Mail-Einladungen');
	requireMailHost(ctx);
	const emails = [...new Set(input.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
	const bad = emails.filter((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
	if (bad.length) throw new AppError('validation_failed', 'Einige Adressen sind ungültig.', bad.map((e) => ({ path: 'emails', message: `„${e}“ ist keine gültige E-Mail-Adresse.` })));
	if (emails.length === 0 || emails.length > MAX_BATCH) throw new AppError('validation_failed', `Bitte fügen Sie 1 bis ${MAX_BATCH} Adressen ein.`, [{ path: 'emails', message: 'Eine Adresse pro Zeile.' }]);
	const tokens = emails.map(() => newInvitationToken());
	await ctx.db.transaction(async (tx) => {
		const [batch] = await tx.insert(invitationBatches).values({ studyId: study.id, groupKey: group.key, count: emails.length, kind: 'email', pendingTokens: null, handedOutAt: sql`now()` }).returning({ id: invitationBatches.id });
		const created = await tx
			.insert(invitations)
			.values(tokens.map((token) => ({ studyId: study.id, batchId: batch.id, groupKey: group.key, tokenHash: invitationHash(token) })))
			.returning({ id: invitations.id, tokenHash: invitations.tokenHash });
		const idByHash = new Map(created.map((row) => [row.tokenHash, row.id]));
		await tx.insert(invitationEmails).values(emails.map((email, i) => ({ studyId: study.id, invitationId: idByHash.get(invitationHash(tokens[i]))!, email, sentOn: sql`current_date` })));
	});
	for (const [i, email] of emails.entries()) {
		await sendMail(ctx.db, {
			orgId: ctx.org.orgId,
			kind: 'study_invitation',
			carriesLink: true,
			to: email,
			subject: `Ihre Einschätzung ist gefragt: ${study.title}`,
			body: [
				'Guten Tag,',
				'',
				`${ctx.org.orgName} fragt: Welches Wissen braucht unsere Stadt – heute, morgen und übermorgen? Ihre Einschätzung hilft, Fortbildungen zu planen.`,
				'',
				`Ihr persönlicher Link (Gruppe: ${group.label}):`,
				participationLink(input.baseUrl, tokens[i]),
				'',
				'Die Befragung dauert etwa 10 Minuten. Ihre Antworten sind anonym: Niemand kann sie Ihnen zuordnen.',
				'Sie können unterbrechen und später mit demselben Link weitermachen.'
			].join('\n')
		});
	}
	return { invited: emails.length };
}
