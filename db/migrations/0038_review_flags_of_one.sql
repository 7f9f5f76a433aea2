-- The review rule for the one call a form or the dispatch API has just written, planned once per
-- connection: refresh_review_flags (migrations 0033 and 0036) is a SQL function, planned again at
-- each call; for one call its planning cost about as much as its work. This PL/pgSQL function runs
-- the same statement, made from refresh_review_flags's own text here, so that the rule is written
-- once; it keeps one plan for all values (plan_cache_mode), which suits one call and not a batch:
-- writers of many calls at once (the import, a client's references, a reversal) call
-- refresh_review_flags. A migration that changes refresh_review_flags runs this one again.
DO $migration$
BEGIN
  EXECUTE format(
    'CREATE OR REPLACE FUNCTION refresh_review_flags_of_one(numbers bigint[], is_edit boolean) RETURNS void '
    'LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS %L',
    'BEGIN ' || (SELECT prosrc FROM pg_proc WHERE oid = 'refresh_review_flags(bigint[], boolean)'::regprocedure) || '; END');
END
$migration$;
