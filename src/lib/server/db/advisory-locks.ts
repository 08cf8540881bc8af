/*
 * Keys of the PostgreSQL advisory locks the app takes, one number per purpose: two uses that shared
 * a key would wait for each other for no reason. A new lock takes a new number.
 */

/** Every Stadtwissen instance serialises its migrations on this key (single-key form). */
export const MIGRATION_LOCK_KEY = 727_384_001;

/**
 * Closing a round takes this advisory lock class exclusively; every submission holds it shared
 * (two-key form, with submission_lock_key(study) as the second key). The same number is written
 * as a literal in submit_answers (drizzle/0005, drizzle/0007), so it must not change.
 */
export const SUBMISSION_LOCK_CLASS = 727_384_002;

/** The first set-up of an empty instance: two people on the setup page must not both become the first owner. */
export const SETUP_LOCK_KEY = 727_384_003;

/**
 * Each Werkstatt's events are appended under this class (two-key form, hashtext(werkstatt id) as
 * the second key), held to the commit: one Werkstatt's event ids then commit in order.
 */
export const WERKSTATT_EVENT_LOCK_CLASS = 727_384_004;
