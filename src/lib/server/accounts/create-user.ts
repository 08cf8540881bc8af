import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, organisations, users } from '../db/schema';
import { recordAudit } from '../audit';
import type { Role } from '../auth/actor';
import { hashPassword, unusablePasswordHash } from '../auth/secrets';
import { AppError } from '../errors';
import { slugify } from '../../format/slug';

export interface CreateUserOptions {
	email: string;
	name: string;
	/** null: no password of its own (single sign-on only). */
	password: string | null;
	orgName: string;
	role: Role;
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
	const base = slugify(name, 'organisation');
	const taken = await db
		.select({ slug: organisations.slug })
		.from(organisations)
		.where(sql`${organisations.slug} = ${base} OR ${organisations.slug} LIKE ${base + '-%'}`);
	const used = new Set(taken.map((t) => t.slug));
	let slug = base;
	for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
	return slug;
}

export async function findOrCreateOrganisation(db: Db, name: string): Promise<{ id: string; slug: string; created: boolean }> {
	const [existing] = await db.select().from(organisations).where(eq(organisations.name, name));
	if (existing) return { id: existing.id, slug: existing.slug, created: false };
	const [created] = await db.insert(organisations).values({ name, slug: await uniqueSlug(db, name) }).returning();
	await recordAudit(db, 'organisation_created', { orgId: created.id, detail: { name } });
	return { id: created.id, slug: created.slug, created: true };
}

/**
 * Creates the user (or finds them by e-mail) and gives them the role in the named organisation,
 * creating the organisation when none has that name. Used by the setup page, the CLI and the demo.
 */
export async function createUserInOrganisation(
	db: Db,
	options: CreateUserOptions
): Promise<{ userId: string; orgId: string; orgSlug: string; userCreated: boolean }> {
	const email = options.email.toLowerCase();
	const org = await findOrCreateOrganisation(db, options.orgName);
	const [existing] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
	let userId = existing?.id;
	if (!userId) {
		const [created] = await db
			.insert(users)
			.values({ email, name: options.name, passwordHash: options.password === null ? unusablePasswordHash() : await hashPassword(options.password) })
			.returning({ id: users.id });
		userId = created.id;
	}
	const [member] = await db.select().from(memberships).where(sql`${memberships.userId} = ${userId} AND ${memberships.orgId} = ${org.id}`);
	if (member) {
		throw new AppError('conflict', `${email} gehört bereits zur Organisation „${options.orgName}“ (Rolle ${member.role}).`);
	}
	await db.insert(memberships).values({ userId, orgId: org.id, role: options.role });
	await recordAudit(db, 'role_changed', { orgId: org.id, userId, detail: { role: options.role, by: 'create' } });
	return { userId, orgId: org.id, orgSlug: org.slug, userCreated: !existing };
}
