import { can } from '../auth/actor';
import { mailConfigured } from '../mail/mailer';
import type { TenantContext } from '../tenant';
import { listMembers } from './list-members';
import { listOpenInvitations } from './list-open-invitations';
import { listOutbox } from './list-outbox';

/** The settings page: members, open invitations, and — for those who may read it — the outbox. */
export async function organisationSettings(ctx: TenantContext) {
	return {
		members: await listMembers(ctx),
		invitations: await listOpenInvitations(ctx),
		outbox: can(ctx.actor, 'outbox.read') ? await listOutbox(ctx) : [],
		mailConfigured: mailConfigured(),
		mayManageMembers: can(ctx.actor, 'members.manage')
	};
}
