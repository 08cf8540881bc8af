import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['owner', 'organiser', 'facilitator', 'viewer']);
export const localeEnum = pgEnum('locale', ['de', 'en']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull().unique(),
	createdAt: createdAt()
});

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		locale: localeEnum('locale').notNull().default('de'),
		createdAt: createdAt()
	},
	(table) => [uniqueIndex('users_email_lower').on(sql`lower(${table.email})`)]
);

export const memberships = pgTable(
	'memberships',
	{
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		orgId: uuid('org_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		createdAt: createdAt()
	},
	(table) => [primaryKey({ columns: [table.userId, table.orgId] }), index('memberships_org').on(table.orgId)]
);

export const sessions = pgTable(
	'sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		currentOrgId: uuid('current_org_id').references(() => organisations.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(table) => [index('sessions_user').on(table.userId)]
);

export const apiTokens = pgTable(
	'api_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		tokenHash: text('token_hash').notNull().unique(),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		orgId: uuid('org_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(table) => [index('api_tokens_user_org').on(table.userId, table.orgId)]
);

export const passwordResets = pgTable('password_resets', {
	tokenHash: text('token_hash').primaryKey(),
	userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true }),
	createdAt: createdAt()
});

export const orgInvitations = pgTable('org_invitations', {
	tokenHash: text('token_hash').primaryKey(),
	orgId: uuid('org_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
	email: text('email').notNull(),
	role: roleEnum('role').notNull(),
	invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	acceptedAt: timestamp('accepted_at', { withTimezone: true }),
	/**
	 * Hash of the second secret that only the mailed link carries. Creating a new account needs it,
	 * so whoever saw the link shown once on the settings page cannot create the invitee's account.
	 * Null when no mail was sent (no SMTP): then only an existing account can accept.
	 */
	accountSecretHash: text('account_secret_hash'),
	createdAt: createdAt()
});

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		orgId: uuid('org_id').references(() => organisations.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		event: text('event').notNull(),
		detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
		createdAt: createdAt()
	},
	(table) => [index('audit_log_org_time').on(table.orgId, table.createdAt)]
);

/** Fixed-window counters shared by every app instance. */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	hits: integer('hits').notNull()
});

export const outboxMails = pgTable(
	'outbox_mails',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** The organisation whose Ausgang lists it; null for mails to a person (password resets). */
		orgId: uuid('org_id').references(() => organisations.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['general', 'registration', 'study_invitation', 'study_reminder', 'member_invitation', 'password_reset'] })
			.notNull()
			.default('general'),
		/** A mail with a personal link: its body is never stored. */
		carriesLink: boolean('carries_link').notNull().default(false),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		/** An ordinary mail's body until SMTP took it; then null. Never shown to anyone. */
		body: text('body'),
		/** pending → sent | failed; not_sent when no SMTP is configured. */
		status: text('status', { enum: ['pending', 'sent', 'failed', 'not_sent'] }).notNull().default('pending'),
		/** SMTP's reply when it refused the mail (code and first line, never the content). */
		failure: text('failure'),
		createdAt: createdAt(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(table) => [index('outbox_org_time').on(table.orgId, table.createdAt)]
);
