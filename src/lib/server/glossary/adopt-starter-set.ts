import type { GlossaryStatus, StakeholderGroup } from '../../domain/glossary/entry';
import { termSlug } from '../../domain/glossary/entry';
import { starterSet } from '../../domain/glossary/starter-set';
import type { Db } from '../db/client';
import type { OrgContext } from '../context';
import { addEntries, type ImportOutcome } from './import-entries';

/** "Startersammlung übernehmen": the shipped entries as proposals (Vorschlag) for the organisation to agree on; terms it has stay. */
export async function adoptStarterSet(ctx: OrgContext): Promise<ImportOutcome> {
	return adoptStarterSetFor(ctx.db, { orgId: ctx.org.orgId, userId: ctx.actor.userId }, 'vorschlag', [], ctx.now);
}

/** The same for the demo organisation, which shows the entries as agreed. */
export async function adoptStarterSetFor(db: Db, who: { orgId: string; userId: string | null }, status: GlossaryStatus, agreedBy: StakeholderGroup[], now: Date) {
	const set = starterSet();
	return addEntries(
		db,
		who,
		set.entries.map((entry) => ({ ...entry, status, agreedBy: status === 'vorschlag' ? [] : agreedBy, starterKey: termSlug(entry.term) })),
		{ event: 'glossary_starter_adopted', detail: { set: set.meta.name } },
		now
	);
}
