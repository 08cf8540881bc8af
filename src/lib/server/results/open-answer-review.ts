import { z } from 'zod';
import { can } from '../auth/actor';
import { AppError, toErrorDetails } from '../errors';
import { getStudy, type Study } from '../studies/get-study';
import type { TenantContext } from '../tenant';
import { closedRounds } from '../../domain/study/lifecycle';

/* What reviewing, releasing and hiding open answers share: who may, which rounds, reading the form. */

/** Reviewing, releasing and hiding free-text answers is for owners and organisers (org.manage). */
export function requireManager(ctx: TenantContext): void {
	if (!can(ctx.actor, 'org.manage')) throw new AppError('forbidden', 'Ihre Rolle erlaubt das nicht. Bitte wenden Sie sich an die Inhaber*innen Ihrer Organisation.');
}

const NO_CLOSED_ROUND = 'Offene Antworten lassen sich prüfen, sobald die erste Runde geschlossen ist.';

/** A closed round of the study, or a German message saying which rounds there are. */
export function closedRound(study: Pick<Study, 'status' | 'currentRound'>, round: number | undefined): number {
	const rounds = closedRounds(study);
	if (rounds.length === 0) throw new AppError('conflict', NO_CLOSED_ROUND);
	const chosen = round ?? rounds.at(-1)!;
	if (!rounds.includes(chosen)) {
		throw new AppError('validation_failed', `Runde ${chosen} ist nicht geschlossen; ihre offenen Antworten lassen sich noch nicht prüfen.`, [
			{ path: 'round', message: `Möglich: ${rounds.join(', ')}.` }
		]);
	}
	return chosen;
}

export const roundField = z.coerce
	.number({ message: 'Bitte geben Sie die Runde als Zahl an.' })
	.int('Die Runde muss eine ganze Zahl sein.')
	.min(1, 'Die Runde muss 1, 2 oder 3 sein.')
	.max(3, 'Die Runde muss 1, 2 oder 3 sein.');

function parse<T>(schema: z.ZodType<T>, input: unknown, message: string): T {
	const result = schema.safeParse(input);
	if (!result.success) throw new AppError('validation_failed', message, toErrorDetails(result.error.issues));
	return result.data;
}

/** A manager's change to a closed round: the study and the input read with `schema` (its round must be closed). */
export async function closedRoundChange<T extends { round: number }>(ctx: TenantContext, studyId: string, schema: z.ZodType<T>, input: unknown, message: string): Promise<{ study: Study; change: T }> {
	requireManager(ctx);
	const study = await getStudy(ctx, studyId);
	const change = parse(schema, input, message);
	closedRound(study, change.round);
	return { study, change };
}
