-- Submissions no longer add to result_counters, the ~160 rows every submission of a group competed
-- for (half of a submission's database time): the histograms are counted from the answers when the
-- round closes, which is also the first moment anybody may see them. Rounds already closed keep
-- their counters; a round open now is counted completely when it closes.
CREATE OR REPLACE FUNCTION submit_answers(
	p_study uuid,
	p_round smallint,
	p_group text,
	p_key_hash text,
	p_body_hash text,
	p_receipt text,
	p_marker text,
	p_competences text[],
	p_measures text[],
	p_horizons text[],
	p_values smallint[],
	-- Per answer: the same link's answer in the previous round (0 = "kann ich nicht einschätzen"), NULL = none.
	p_previous smallint[],
	p_open_keys text[],
	p_open_texts text[],
	p_draft_lookup text,
	p_sealed text,
	p_shard smallint
) RETURNS TABLE (receipt text, body_hash text, replayed boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
	v_existing submission_receipts%ROWTYPE;
	v_response uuid := gen_random_uuid();
BEGIN
	PERFORM pg_advisory_xact_lock_shared(727384002, submission_lock_key(p_study::text));
	IF NOT EXISTS (SELECT 1 FROM studies s WHERE s.id = p_study AND s.status = 'open' AND s.current_round = p_round) THEN
		RAISE EXCEPTION 'round closed' USING ERRCODE = 'SWCLS';
	END IF;

	INSERT INTO submission_receipts (key_hash, study_id, round, body_hash, receipt)
	VALUES (p_key_hash, p_study, p_round, p_body_hash, p_receipt)
	ON CONFLICT (key_hash) DO NOTHING;
	IF NOT FOUND THEN
		SELECT * INTO v_existing FROM submission_receipts r WHERE r.key_hash = p_key_hash;
		RETURN QUERY SELECT v_existing.receipt, v_existing.body_hash, true;
		RETURN;
	END IF;

	INSERT INTO spent_markers (marker, study_id, round) VALUES (p_marker, p_study, p_round) ON CONFLICT (marker) DO NOTHING;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'link spent' USING ERRCODE = 'SWSPT';
	END IF;

	INSERT INTO answers (response_id, study_id, round, group_key, competence, measure, horizon, value)
	SELECT v_response, p_study, p_round, p_group, t.competence, t.measure, t.horizon, t.value
	FROM unnest(p_competences, p_measures, p_horizons, p_values) AS t(competence, measure, horizon, value);

	INSERT INTO open_answers (study_id, round, group_key, question_key, text)
	SELECT p_study, p_round, p_group, o.question_key, o.text FROM unnest(p_open_keys, p_open_texts) AS o(question_key, text);

	-- The submitted sheet is kept (encrypted under the token) only for the next Delphi round's feedback.
	IF p_sealed IS NOT NULL THEN
		INSERT INTO encrypted_drafts (lookup, study_id, round, kind, payload) VALUES (p_draft_lookup, p_study, p_round, 'submitted', p_sealed)
		ON CONFLICT DO NOTHING;
	END IF;
	DELETE FROM encrypted_drafts d WHERE d.lookup = p_draft_lookup AND d.round = p_round AND d.kind = 'draft';

	-- Last before the commit, in primary-key order: these rows are what concurrent submissions of a group share.
	-- The histograms themselves are counted from the answers when the round closes (result_counters).
	INSERT INTO transition_counters AS c (study_id, round, competence, measure, horizon, group_key, previous_value, current_value, shard, count)
	SELECT p_study, p_round, t.competence, t.measure, t.horizon, p_group, t.previous, coalesce(t.value, 0), p_shard, 1
	FROM unnest(p_competences, p_measures, p_horizons, p_values, p_previous) AS t(competence, measure, horizon, value, previous)
	WHERE t.previous IS NOT NULL
	ORDER BY t.competence, t.measure, t.horizon
	ON CONFLICT (study_id, round, competence, measure, horizon, group_key, previous_value, current_value, shard) DO UPDATE SET count = c.count + 1;

	INSERT INTO participation_counters AS c (study_id, round, group_key, shard, finished) VALUES (p_study, p_round, p_group, p_shard, 1)
	ON CONFLICT (study_id, round, group_key, shard) DO UPDATE SET finished = c.finished + 1;

	RETURN QUERY SELECT p_receipt, p_body_hash, false;
END
$$;
