import { defineMessages } from './fragment';

/** Wissensbedarfsanalyse (studies, invitations, questionnaire). */
export const studyMessages = defineMessages({}, {});
