import { VOICE_GROUPS, type VoiceGroup, type Voices } from './entry';

/** Whom an anonymous proposer writes as ("Ich schreibe als …"); `keine`: möchte ich nicht sagen. */
export const PROPOSER_GROUPS = ['verwaltung', 'politik', 'stadtmacher', 'zivilgesellschaft', 'wirtschaft', 'kultur', 'keine'] as const;
export type ProposerGroup = (typeof PROPOSER_GROUPS)[number];

/**
 * Where a proposal's everyday words go: under the wording of the proposer's group where the entry
 * has one (Zivilgesellschaft, Stadtmacher*innen, Wirtschaft, Kultur). Administration and politics
 * use the term itself, so their other words are synonyms — as are the words of someone who did
 * not say, which belong to no group.
 */
export function proposedWords(group: ProposerGroup, words: string): { voices?: Voices; synonyms?: string[] } {
	if (!words) return {};
	return (VOICE_GROUPS as readonly string[]).includes(group) ? { voices: { [group as VoiceGroup]: words } } : { synonyms: [words] };
}
