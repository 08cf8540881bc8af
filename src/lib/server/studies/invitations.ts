import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { invitationBatches, invitationEmails, invitations, participationCounters, studies } from '../db/schema';
import { AppError } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { mailConfigured } from '../mail/mailer';
import { sendMail } from '../mail/send-mail';
import type { TenantContext } from '../tenant';
import { getStudy, type Study } from './manage-study';
import { invitationHash, newInvitationToken } from './token-crypto';
import { MAX_BATCH } from '../../schemas/studies';

export const participationLink = (baseUrl: string, token: string) => `${baseUrl}/t/${token}`;

function requireGroup(study: Study, group: string) {
	const found = study.groups.find((g) => g.key === group);
	if (!found) {
		throw new AppError('validation_failed', 'Diese Gruppe gibt es in der Analyse nicht.', [
			{ path: 'group', message: `Mögliche Gruppen: ${study.groups.map((g) => g.key).join(', ')}.` }
		]);
	}
	return found;
}

function requireNotFinished(study: Study) {
	if (study.status === 'closed' && study.currentRound >= study.rounds) throw new AppError('conflict', 'Die Analyse ist abgeschlossen; neue Einladungen sind nicht mehr möglich.');
	if (study.status === 'published') throw new AppError('conflict', 'Die Analyse ist veröffentlicht; neue Einladungen sind nicht mehr möglich.');
}

/** Anonymous links for one group; the links stay downloadable until the organiser confirms the hand-out. */
export async function createInvitationBatch(ctx: TenantContext, input: { studyId: string; group: string; count: number; baseUrl: string }) {
	const study = await getStudy(ctx, input.studyId);
	requireGroup(study, input.group);
	requireNotFinished(study);
	if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BATCH) {
		throw new AppError('validation_failed', `Bitte wählen Sie eine Anzahl von 1 bis ${MAX_BATCH.toLocaleString('de-DE')}.`, [{ path: 'count', message: `Eine ganze Zahl von 1 bis ${MAX_BATCH}.` }]);
	}
	const tokens = Array.from({ length: input.count }, newInvitationToken);
	const batchId = await ctx.db.transaction(async (tx) => {
		const [batch] = await tx
			.insert(invitationBatches)
			.values({ studyId: study.id, groupKey: input.group, count: input.count, kind: 'links', pendingTokens: tokens })
			.returning({ id: invitationBatches.id });
		for (let i = 0; i < tokens.length; i += 1000) {
			await tx.insert(invitations).values(tokens.slice(i, i + 1000).map((token) => ({ studyId: study.id, batchId: batch.id, groupKey: input.group, tokenHash: invitationHash(token) })));
		}
		return batch.id;
	});
	return { batchId, tokens, links: tokens.map((token) => participationLink(input.baseUrl, token)) };
}

export async function listBatches(ctx: TenantContext, studyId: string) {
	await getStudy(ctx, studyId);
	const rows = await ctx.db.select().from(invitationBatches).where(eq(invitationBatches.studyId, studyId)).orderBy(asc(invitationBatches.createdAt));
	return rows.map(({ pendingTokens, ...batch }) => ({ ...batch, linksAvailable: Array.isArray(pendingTokens) && pendingTokens.length > 0 }));
}

export async function batchLinks(ctx: TenantContext, studyId: string, batchId: string, baseUrl: string) {
	await getStudy(ctx, studyId);
	const [batch] = /^[0-9a-f-]{36}$/i.test(batchId)
		? await ctx.db.select().from(invitationBatches).where(and(eq(invitationBatches.id, batchId), eq(invitationBatches.studyId, studyId)))
		: [];
	if (!batch) throw new AppError('not_found', 'Diesen Stapel von Einladungen gibt es nicht.');
	if (!batch.pendingTokens) throw new AppError('gone', 'Die Links dieses Stapels wurden als ausgegeben bestätigt und deshalb gelöscht. Gespeichert ist nur noch, was zum Prüfen eines Links nötig ist.');
	return { batch, links: batch.pendingTokens.map((token) => participationLink(baseUrl, token)) };
}

/** After this only the hashes remain: nobody, not even the organiser, can re-create a link. */
export async function confirmHandedOut(ctx: TenantContext, studyId: string, batchId: string): Promise<void> {
	await getStudy(ctx, studyId);
	const updated = await ctx.db
		.update(invitationBatches)
		.set({ pendingTokens: null, handedOutAt: sql`now()` })
		.where(and(eq(invitationBatches.id, batchId), eq(invitationBatches.studyId, studyId)))
		.returning({ id: invitationBatches.id });
	if (!updated.length) throw new AppError('not_found', 'Diesen Stapel von Einladungen gibt es nicht.');
}

/** Without SMTP a link could only wait in a readable outbox: e-mail invitations are refused instead. */
function requireMail(what: string) {
	if (!mailConfigured()) {
		throw new AppError(
			'conflict',
			`${what} gehen nur mit einem Mailserver (SMTP), und diese Installation hat keinen. Geben Sie die Links stattdessen selbst aus: Erzeugen Sie unter „Links für eine Gruppe erzeugen“ einen Stapel und laden Sie ihn als PDF (mit QR-Codes) oder CSV herunter.`
		);
	}
}

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

/** Reminds only addresses whose link has not finished the current round, without repeating the link. */
export async function remindUnfinished(ctx: TenantContext, studyId: string): Promise<{ reminded: number }> {
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
				'Bitte nutzen Sie den Link aus unserer ersten E-Mail. Wenn Sie schon teilgenommen haben, ist diese Nachricht für Sie erledigt – danke!'
			].join('\n')
		});
	}
	if (pending.length) await ctx.db.update(invitationEmails).set({ remindedOn: sql`current_date` }).where(inArray(invitationEmails.id, pending.map((p) => p.id)));
	return { reminded: pending.length };
}

/** An open link where participants choose their group; a new one replaces the old. */
export async function createOpenLink(ctx: TenantContext, studyId: string, baseUrl: string): Promise<string> {
	const study = await getStudy(ctx, studyId);
	requireNotFinished(study);
	const token = newInvitationToken();
	await ctx.db.update(studies).set({ openLinkHash: invitationHash(token) }).where(eq(studies.id, study.id));
	return `${baseUrl}/t/offen/${token}`;
}

export async function disableOpenLink(ctx: TenantContext, studyId: string): Promise<void> {
	const study = await getStudy(ctx, studyId);
	await ctx.db.update(studies).set({ openLinkHash: null }).where(eq(studies.id, study.id));
}

/** Invited, started and finished per group for the current round; says nothing about who. */
export async function progressByGroup(ctx: TenantContext, studyId: string) {
	const study = await getStudy(ctx, studyId);
	const invited = await ctx.db
		.select({
			group: invitations.groupKey,
			invited: sql<number>`count(*)::int`,
			started: sql<number>`count(*) FILTER (WHERE ${study.currentRound} = ANY(${invitations.startedRounds}))::int`
		})
		.from(invitations)
		.where(eq(invitations.studyId, studyId))
		.groupBy(invitations.groupKey);
	const finished = await ctx.db
		.select({ group: participationCounters.groupKey, finished: sql<number>`sum(${participationCounters.finished})::int` })
		.from(participationCounters)
		.where(and(eq(participationCounters.studyId, studyId), eq(participationCounters.round, study.currentRound)))
		.groupBy(participationCounters.groupKey);
	return study.groups.map((group) => ({
		key: group.key,
		label: group.label,
		invited: invited.find((row) => row.group === group.key)?.invited ?? 0,
		started: invited.find((row) => row.group === group.key)?.started ?? 0,
		finished: finished.find((row) => row.group === group.key)?.finished ?? 0
	}));
}

