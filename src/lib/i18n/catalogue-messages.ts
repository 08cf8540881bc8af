import { defineMessages } from './fragment';

/** Fortbildungskatalog (modules, sessions, registrations). */
export const catalogueMessages = defineMessages({}, {});
