import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { berlinDay, dueDateAction, type DateAction } from '../../domain/study/study-dates';
import { recordAudit } from '../audit';
import type { Actor, Membership } from '../auth/actor';
import type { RequestContext } from '../context';
import { organisations, studies } from '../db/schema';
import { AppError } from '../errors';
import { mailConfigured } from '../mail/mailer';
import type { TenantContext } from '../tenant';
import { changeStudyStatus } from './change-study-status';
import { remindUnfinished } from './remind-unfinished';

/** Who acts when a date opens or closes a study: nobody signed in; the audit log names the system. */
const SYSTEM = 'system';

function systemTenant(ctx: RequestContext, org: Membership): TenantContext & RequestContext {
	const actor: Actor = { userId: SYSTEM, email: '', name: 'Stadtwissen (nach Datum)', via: 'session', org, memberships: [org] };
	return { ...ctx, actor, org };
}

export interface DatesApplied {
	opened: string[];
	closed: string[];
	/** Studies whose closing reminder went out in this run (once per round). */
	reminded: string[];
}

/**
 * The background job's work (jobs/queues.ts STUDY_DATES_QUEUE): every study whose dates ask for
 * something today (Berlin) gets it — opened, closed by the same use case as by hand, or its closing
 * reminder (from the study's own lead time; none at 0 days). Safe to run twice at once: a study already opened or closed is refused by
 * changeStudyStatus and skipped, and the reminder of a round is claimed once under a lock.
 */
export async function applyStudyDates(ctx: RequestContext): Promise<DatesApplied> {
	const today = berlinDay(ctx.now);
	const candidates = await ctx.db
		.select({
			id: studies.id,
			status: studies.status,
			opensOn: studies.opensOn,
			closesOn: studies.closesOn,
			reminderDays: studies.reminderDays,
			round: studies.currentRound,
			orgId: organisations.id,
			orgSlug: organisations.slug,
			orgName: organisations.name
		})
		.from(studies)
		.innerJoin(organisations, eq(organisations.id, studies.orgId))
		.where(or(and(eq(studies.status, 'draft'), isNotNull(studies.opensOn)), and(eq(studies.status, 'open'), isNotNull(studies.closesOn))));
	const applied: DatesApplied = { opened: [], closed: [], reminded: [] };
	for (const study of candidates) {
		const action = dueDateAction(study, today, study.reminderDays);
		if (!action) continue;
		const tenant = systemTenant(ctx, { orgId: study.orgId, orgSlug: study.orgSlug, orgName: study.orgName, role: 'owner' });
		if (action === 'remind') {
			if (await remindBeforeClosing(tenant, study)) applied.reminded.push(study.id);
		} else if (await changeByDate(tenant, study, action)) {
			(action === 'open' ? applied.opened : applied.closed).push(study.id);
		}
	}
	return applied;
}

async function changeByDate(ctx: TenantContext & RequestContext, study: { id: string; round: number }, action: Exclude<DateAction, 'remind'>): Promise<boolean> {
	try {
		await changeStudyStatus(ctx, study.id, action === 'open' ? 'open' : 'closed');
	} catch (error) {
		// Another instance (or the organiser) got there first.
		if (error instanceof AppError && error.code === 'conflict') return false;
		throw error;
	}
	await recordAudit(ctx.db, action === 'open' ? 'study_opened_by_date' : 'study_closed_by_date', {
		orgId: ctx.org.orgId,
		detail: { studyId: study.id, round: study.round, by: SYSTEM }
	});
	return true;
}

/**
 * The closing reminder of one round, at most once: the audit entry is the claim, written under a
 * per-study lock before any mail goes out. Without a mail server there is nothing to claim.
 */
async function remindBeforeClosing(ctx: TenantContext & RequestContext, study: { id: string; round: number; closesOn: string | null }): Promise<boolean> {
	if (!mailConfigured()) return false;
	const claimed = await ctx.db.transaction(async (tx) => {
		await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`study-reminder:${study.id}`}))`);
		const sent = await tx.execute(
			sql`SELECT 1 FROM audit_log WHERE event = 'study_reminder_by_date' AND detail->>'studyId' = ${study.id} AND (detail->>'round')::int = ${study.round} LIMIT 1`
		);
		if (sent.rows.length) return false;
		await recordAudit(tx, 'study_reminder_by_date', { orgId: ctx.org.orgId, detail: { studyId: study.id, round: study.round, by: SYSTEM } });
		return true;
	});
	if (!claimed) return false;
	await remindUnfinished(ctx, study.id, { closesOn: study.closesOn });
	return true;
}

