DO $$
BEGIN
  -- Stemming: "runs" matches running/runners/run.
  ASSERT (SELECT count(*) FROM search_articles('runs')) = 3, 'stemmed matches, got ' || (SELECT count(*) FROM search_articles('runs'));
  -- A title match ranks above a body-only match.
  ASSERT (SELECT title FROM search_articles('running') LIMIT 1) = 'Running a marathon', 'title weighs more';
  ASSERT (SELECT array_agg(title ORDER BY title) FROM search_articles('marathon -nutrition')) = '{"Running a marathon"}', 'exclusion';
  ASSERT (SELECT count(*) FROM search_articles('"long race"')) = 1, 'phrase search';
  ASSERT (SELECT count(*) FROM search_articles('"race long"')) = 0, 'phrase word order matters';
  ASSERT (SELECT count(*) FROM search_articles('pasta or indexes')) = 2, 'or';
  ASSERT (SELECT count(*) FROM search_articles('the')) = 0, 'stop words alone match nothing';
  ASSERT (SELECT count(*) FROM search_articles('')) = 0, 'empty query matches nothing';
  ASSERT (SELECT count(*) FROM search_articles('pasta & (( ''')) >= 1, 'stray punctuation does not raise';
  ASSERT (SELECT snippet FROM search_articles('nutrition eat')) LIKE '%<b>eat</b>%', 'snippet highlights matches';
END $$;

DO $$
BEGIN
  UPDATE articles SET body = 'Now about cycling.' WHERE title = 'Marathon nutrition';
  ASSERT (SELECT count(*) FROM search_articles('race')) = 0, 'the generated column follows updates';
END $$;
