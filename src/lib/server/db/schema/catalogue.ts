import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts';
import { frameworks } from './frameworks';
import type { RegistrationQuestion } from '../../../domain/catalogue/registration-questions';

/*
 * Fortbildungskatalog: modules (mapped to competences), their sessions, registrations with
 * double opt-in and waiting list, attendance, certificates and anonymous feedback.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const moduleStatus = pgEnum('module_status', ['draft', 'published', 'archived']);
export const catalogueSessionStatus = pgEnum('catalogue_session_status', ['open', 'closed', 'cancelled']);
export const registrationStatus = pgEnum('registration_status', ['pending_confirmation', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'expired']);

/** A competence a module covers, with the texts and Charter principles as they were when it was saved. */
export interface ModuleCompetence {
	code: string;
	level: 'kennenlernen' | 'anwenden' | 'vertiefen';
	title_de: string;
	title_en: string;
	principles: string[];
}

export type { RegistrationQuestion };

/** One date of a session (a multi-day session has several, or one that spans days). */
export interface SessionPart {
	start: string;
	end: string;
}

/** Per-organisation settings of the catalogue. */
export const catalogueSettings = pgTable('catalogue_settings', {
	orgId: uuid('org_id')
		.primaryKey()
		.references(() => organisations.id, { onDelete: 'cascade' }),
	/** Registrations are anonymised this many months after their session ended. */
	retentionMonths: smallint('retention_months').notNull().default(12),
	/** How long a person promoted from the waiting list has to accept the seat. */
	offerWindowHours: smallint('offer_window_hours').notNull().default(48),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const catalogueModules = pgTable(
	'catalogue_modules',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** Subtitle or guiding question. */
		subtitle: text('subtitle').notNull().default(''),
		/** What the organiser typed (light formatting), kept for editing. */
		descriptionSource: text('description_source').notNull().default(''),
		/** The sanitised HTML shown to the public. */
		descriptionHtml: text('description_html').notNull().default(''),
		learningGoals: jsonb('learning_goals').$type<string[]>().notNull().default([]),
		format: text('format', { enum: ['workshop', 'excursion', 'tandem', 'reallabor', 'online', 'talk', 'blended'] }).notNull(),
		durationMinutes: integer('duration_minutes'),
		language: text('language', { enum: ['de', 'en', 'de-en'] })
			.notNull()
			.default('de'),
		targetGroups: jsonb('target_groups').$type<string[]>().notNull().default([]),
		frameworkId: uuid('framework_id').references(() => frameworks.id, { onDelete: 'set null' }),
		competences: jsonb('competences').$type<ModuleCompetence[]>().notNull().default([]),
		/** Charter principles of the competences, for the public filter. */
		principles: text('principles').array().notNull().default(sql`'{}'`),
		/** 0 = kostenfrei. */
		priceCents: integer('price_cents').notNull().default(0),
		status: moduleStatus('status').notNull().default('draft'),
		/** Overrides the organisation's retention period for this module's registrations. */
		retentionMonths: smallint('retention_months'),
		/** The module's own questions on the registration form, in their order. */
		registrationQuestions: jsonb('registration_questions').$type<RegistrationQuestion[]>().notNull().default([]),
		/** Whether the module's organisers get a mail on each new registration (off unless chosen). */
		notifyOnRegistration: boolean('notify_on_registration').notNull().default(false),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [index('catalogue_modules_org').on(table.orgId), index('catalogue_modules_status').on(table.status)]
);

export const catalogueFacilitators = pgTable(
	'catalogue_facilitators',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		moduleId: uuid('module_id')
			.notNull()
			.references(() => catalogueModules.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		name: text('name').notNull(),
		organisation: text('organisation').notNull().default(''),
		sector: text('sector', { enum: ['verwaltung', 'zivilgesellschaft', 'wirtschaft', 'wissenschaft', 'politik', 'kultur'] }).notNull(),
		bio: text('bio').notNull().default(''),
		photo: bytea('photo'),
		photoType: text('photo_type')
	},
	(table) => [index('catalogue_facilitators_module').on(table.moduleId, table.position)]
);

export const catalogueSessions = pgTable(
	'catalogue_sessions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		moduleId: uuid('module_id')
			.notNull()
			.references(() => catalogueModules.id, { onDelete: 'cascade' }),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** First start and last end of the parts, for sorting and filtering. */
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		parts: jsonb('parts').$type<SessionPart[]>().notNull(),
		location: text('location').notNull().default(''),
		onlineUrl: text('online_url').notNull().default(''),
		capacity: integer('capacity').notNull(),
		registrationDeadline: timestamp('registration_deadline', { withTimezone: true }),
		status: catalogueSessionStatus('status').notNull().default('open'),
		note: text('note').notNull().default(''),
		feedbackRequestedAt: timestamp('feedback_requested_at', { withTimezone: true }),
		/** Set when the retention period passed and the registrations were anonymised. */
		anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(table) => [index('catalogue_sessions_module').on(table.moduleId, table.startsAt), index('catalogue_sessions_org').on(table.orgId, table.startsAt)]
);

export const catalogueRegistrations = pgTable(
	'catalogue_registrations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Order of arrival: the waiting list is served in this order. */
		seq: bigserial('seq', { mode: 'number' }).notNull(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => catalogueSessions.id, { onDelete: 'cascade' }),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		email: text('email').notNull(),
		organisation: text('organisation').notNull().default(''),
		groupKey: text('group_key').notNull(),
		accessibilityNeeds: text('accessibility_needs').notNull().default(''),
		/** Answers to the module's own questions, by question id; emptied with the other personal data. */
		answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
		status: registrationStatus('status').notNull(),
		/** Until when a pending registration or a waiting-list offer holds its seat. */
		holdUntil: timestamp('hold_until', { withTimezone: true }),
		emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		consentedAt: timestamp('consented_at', { withTimezone: true }),
		source: text('source', { enum: ['public', 'organiser', 'api'] })
			.notNull()
			.default('public'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		attended: boolean('attended').notNull().default(false),
		/** Whether this person already gave feedback; the feedback itself is stored without any link. */
		feedbackGiven: boolean('feedback_given').notNull().default(false),
		anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(table) => [
		index('catalogue_registrations_session').on(table.sessionId, table.status, table.seq),
		uniqueIndex('catalogue_registrations_active_email')
			.on(table.sessionId, sql`lower(${table.email})`)
			.where(sql`${table.anonymisedAt} IS NULL AND ${table.status} IN ('pending_confirmation', 'confirmed', 'waitlisted', 'offered')`)
	]
);

/** Personal links sent by mail (confirm, cancel, feedback, certificate); only the hash is kept. */
export const catalogueRegistrationLinks = pgTable(
	'catalogue_registration_links',
	{
		tokenHash: text('token_hash').primaryKey(),
		registrationId: uuid('registration_id')
			.notNull()
			.references(() => catalogueRegistrations.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(table) => [index('catalogue_registration_links_registration').on(table.registrationId)]
);

/**
 * A Teilnahmebescheinigung as issued: a snapshot of what the PDF says, looked up by its public
 * verification code. It keeps the holder's name so the verification page can confirm it.
 */
export const catalogueCertificates = pgTable(
	'catalogue_certificates',
	{
		code: text('code').primaryKey(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		registrationId: uuid('registration_id').references(() => catalogueRegistrations.id, { onDelete: 'set null' }),
		sessionId: uuid('session_id').references(() => catalogueSessions.id, { onDelete: 'set null' }),
		holderName: text('holder_name').notNull(),
		moduleTitle: text('module_title').notNull(),
		moduleSubtitle: text('module_subtitle').notNull().default(''),
		parts: jsonb('parts').$type<SessionPart[]>().notNull(),
		location: text('location').notNull().default(''),
		durationMinutes: integer('duration_minutes'),
		competences: jsonb('competences').$type<ModuleCompetence[]>().notNull().default([]),
		facilitators: jsonb('facilitators').$type<{ name: string; organisation: string }[]>().notNull().default([]),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(table) => [uniqueIndex('catalogue_certificates_registration').on(table.registrationId)]
);

/** Anonymous feedback: no registration, no person, the day only. */
export const catalogueFeedback = pgTable(
	'catalogue_feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => catalogueSessions.id, { onDelete: 'cascade' }),
		/** 1–5 */
		overall: smallint('overall').notNull(),
		/** 1–5: how useful for the person's work */
		usefulness: smallint('usefulness').notNull(),
		takeaway: text('takeaway').notNull().default(''),
		improve: text('improve').notNull().default(''),
		submittedOn: date('submitted_on').notNull().default(sql`current_date`)
	},
	(table) => [index('catalogue_feedback_session').on(table.sessionId)]
);
