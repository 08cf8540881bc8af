/*
 * The steps of a questionnaire as a participant walks them: the start page, one page per area,
 * then one page for the open questions (when the study asks any), then the review. The organiser's
 * preview and the participant's "Seite X von Y" count pages with the same function.
 */

/** Pages with questions: the areas, plus the open questions' own page. The review is not counted. */
export function questionnairePageCount(areaPages: number, openQuestions: number): number {
	return areaPages + (openQuestions > 0 ? 1 : 0);
}

/** Where step `n` lives under the link: 0 is the start page, `pageCount + 1` the review. */
export function stepPath(base: string, n: number, pageCount: number): string {
	if (n <= 0) return base;
	return n > pageCount ? `${base}/pruefen` : `${base}/seite/${n}`;
}
