import { describe, expect, it } from 'vitest';
import { estimatedMinutes, SECONDS_PER_RATING } from './domain/study/duration';
import { studyMessages } from './i18n/study-messages';

describe('the new study form’s hint on duration', () => {
	it('agrees with what participants are told (it said 15 seconds per competence, participants are told 6 per rating)', () => {
		// Default study: three horizons and the administration's proficiency, 4 ratings per competence.
		const perCompetence = 4 * SECONDS_PER_RATING;
		const inTenMinutes = Math.floor(600 / perCompetence);
		expect(estimatedMinutes(inTenMinutes * 4, 0)).toBe(10);
		const hint = studyMessages.de['study.form.competencesHint'];
		expect(hint).toContain(`etwa ${perCompetence} Sekunden`);
		expect(hint).toContain(`je etwa ${SECONDS_PER_RATING} Sekunden`);
		expect(hint).toContain(`Rund ${inTenMinutes} Kompetenzen passen in 10 Minuten`);
		expect(studyMessages.en['study.form.competencesHint']).toContain(`about ${inTenMinutes} competences fit into 10 minutes`);
	});
});
