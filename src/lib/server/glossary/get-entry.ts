import type { OrgContext } from '../context';
import { entryOfOrg, toEntry } from './entries';

/** One entry of the organisation for its edit form. */
export async function getGlossaryEntry(ctx: OrgContext, id: string) {
	return toEntry(await entryOfOrg(ctx.db, ctx.org.orgId, id));
}
