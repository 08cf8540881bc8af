/**
 * The sentence for a link whose round was already submitted. The participant's own error page
 * recognises it and says "Ihre Antworten sind angekommen" instead of "Dieser Link funktioniert
 * gerade nicht": nothing is wrong, the answers arrived.
 */
export const LINK_SPENT_MESSAGE = 'Mit diesem Link wurde diese Runde schon abgeschlossen. Vielen Dank!';

export const isSpentLinkMessage = (message: string | undefined): boolean => message === LINK_SPENT_MESSAGE;
