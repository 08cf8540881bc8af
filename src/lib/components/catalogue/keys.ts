/*
 * The catalogue's enum keys, without zod, so pages can import them; src/lib/schemas/catalogue.ts
 * builds its schemas from these same lists.
 */
export const TARGET_GROUP_KEYS = ['verwaltung', 'politik', 'zivilgesellschaft', 'kultur', 'wirtschaft', 'wissenschaft'] as const;
export const MODULE_FORMAT_KEYS = ['workshop', 'excursion', 'tandem', 'reallabor', 'online', 'talk', 'blended'] as const;
export const PRINCIPLE_KEYS = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export const SECTOR_KEYS = ['verwaltung', 'zivilgesellschaft', 'wirtschaft', 'wissenschaft', 'politik', 'kultur'] as const;
export const COMPETENCE_LEVEL_KEYS = ['kennenlernen', 'anwenden', 'vertiefen'] as const;
export const MODULE_LANGUAGE_KEYS = ['de', 'en', 'de-en'] as const;
