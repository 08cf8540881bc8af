import { isSuppressedCell, type ResultCell } from './cells';
import { findSuppressedFreeText, freeTextMinimumGroupSize } from './free-text';
import { protectResultTable, validMinimumGroupSize } from './suppression';

/*
 * THE rule for showing the anonymous feedback of a catalogue session (the page, and every other
 * view that ever shows it). A session's feedback is one group: everybody who answered.
 *
 * - Nothing is shown while feedback can still arrive: from the session's start until the window
 *   closes. Two looks at a changing result — before and after someone answered — would tell what
 *   that person answered, and, with the attendance list, who it was.
 * - After the window: figures only when n ≥ k, the organisation's minimum group size (the one
 *   suppression function, a single cell), texts only when n ≥ max(k, 8) (the free-text rule).
 *   Below k not even n is shown, as for any suppressed cell.
 * - Texts are ordered by their random id, never in the order they were written.
 */

/** Feedback can be given from the session's start until this many days after its end. */
export const FEEDBACK_WINDOW_DAYS = 14;

const DAY_MS = 86_400_000;

/** The one group of a session's feedback: everybody who answered (a group, not a total of groups). */
const RESPONDENTS = 'respondents';

/** When the feedback window of a session that ends at `endsAt` closes. */
export function feedbackWindowClosesAt(endsAt: Date): Date {
	return new Date(endsAt.getTime() + FEEDBACK_WINDOW_DAYS * DAY_MS);
}

/** Whether feedback may be given now: the session has begun and its window is not closed. */
export function feedbackWindowOpen(session: { startsAt: Date; endsAt: Date }, now: Date): boolean {
	return now >= session.startsAt && now < feedbackWindowClosesAt(session.endsAt);
}

export interface SessionFeedbackAnswer {
	/** A random id (UUID v4); it orders the texts. */
	readonly id: string;
	/** 1–5 */
	readonly overall: number;
	/** 1–5 */
	readonly usefulness: number;
	readonly takeaway: string;
	readonly improve: string;
}

export interface RatingSummary {
	/** Count per value 1–5. */
	counts: number[];
	mean: number;
}

interface Thresholds {
	/** When the window closes (or closed). */
	closesAt: Date;
	/** k: figures from this many answers on. */
	minimumGroupSize: number;
	/** max(k, 8): texts from this many answers on. */
	textMinimum: number;
}

export type SessionFeedbackView =
	| (Thresholds & { shown: false; reason: 'window_open' | 'below_k' })
	| (Thresholds & {
			shown: true;
			count: number;
			overall: RatingSummary;
			usefulness: RatingSummary;
			/** null while fewer than max(k, 8) answered. */
			texts: { takeaways: string[]; improvements: string[] } | null;
	  });

function summarise(values: readonly number[]): RatingSummary {
	const counts = [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length);
	return { counts, mean: values.reduce((a, b) => a + b, 0) / values.length };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What may be shown of a session's feedback at `now`, for an organisation whose minimum group
 * size is `minimumGroupSize`. Throws on k < 3 like every suppression does.
 */
export function sessionFeedbackView(input: {
	answers: readonly SessionFeedbackAnswer[];
	minimumGroupSize: number;
	session: { endsAt: Date };
	now: Date;
}): SessionFeedbackView {
	const k = validMinimumGroupSize(input.minimumGroupSize);
	const thresholds: Thresholds = { closesAt: feedbackWindowClosesAt(input.session.endsAt), minimumGroupSize: k, textMinimum: freeTextMinimumGroupSize(k) };
	if (input.now < thresholds.closesAt) return { ...thresholds, shown: false, reason: 'window_open' };

	const n = input.answers.length;
	const [cell] = protectResultTable<null>([{ key: { kind: 'participation', round: 0, group: RESPONDENTS }, n, figures: null } satisfies ResultCell<null>], { minimumGroupSize: k });
	if (n === 0 || isSuppressedCell(cell)) return { ...thresholds, shown: false, reason: 'below_k' };

	const textsHidden = findSuppressedFreeText([{ group: RESPONDENTS, respondents: n }], { minimumGroupSize: k }).has(RESPONDENTS);
	const ordered = [...input.answers].sort(byId);
	return {
		...thresholds,
		shown: true,
		count: n,
		overall: summarise(ordered.map((a) => a.overall)),
		usefulness: summarise(ordered.map((a) => a.usefulness)),
		texts: textsHidden
			? null
			: {
					takeaways: ordered.map((a) => a.takeaway).filter((text) => text.trim() !== ''),
					improvements: ordered.map((a) => a.improve).filter((text) => text.trim() !== '')
				}
	};
}
