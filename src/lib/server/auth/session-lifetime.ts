import { sql } from 'drizzle-orm';
import { sessions } from '../db/schema';

export const SESSION_COOKIE = 'sw_session';
export const SESSION_DAYS = 14;
/** A session nobody used for this long ends, however young it is (a forgotten browser in a shared office). */
export const SESSION_IDLE_MINUTES = 120;
/** Sliding the idle deadline writes to the database; at most once in this many minutes per session. */
const SLIDE_EVERY_MINUTES = 5;

export const absoluteEnd = sql`${sessions.createdAt} + make_interval(days => ${SESSION_DAYS})`;
export const idleEnd = sql`now() + make_interval(mins => ${SESSION_IDLE_MINUTES})`;
/** Due when the deadline is more than a few minutes old — or further out than idling allows (a session from before the idle timeout). */
export const slideDue = sql<boolean>`(${sessions.expiresAt} < ${idleEnd} - make_interval(mins => ${SLIDE_EVERY_MINUTES}) OR ${sessions.expiresAt} > ${idleEnd})`;
