import { describeRuleCases } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'sql-missing-where',
    title: 'delete everything',
    language: 'sql',
    bad: `-- clean up
DELETE FROM sessions;
SELECT 1;`,
    line: 2,
    good: `-- clean up
DELETE FROM sessions WHERE expires_at < now();
SELECT 1;`,
  },
  {
    rule: 'sql-missing-where',
    title: 'update every row',
    language: 'sql',
    bad: `UPDATE accounts SET balance = 0;`,
    line: 1,
    good: `UPDATE accounts SET balance = 0 WHERE closed_at IS NOT NULL;`,
  },
  {
    rule: 'sql-dynamic-concatenation',
    title: 'EXECUTE with ||',
    language: 'sql',
    bad: `CREATE FUNCTION count_rows(table_name text) RETURNS bigint AS $$
DECLARE result bigint;
BEGIN
  EXECUTE 'SELECT count(*) FROM ' || table_name INTO result;
  RETURN result;
END;
$$ LANGUAGE plpgsql;`,
    line: 4,
    good: `CREATE FUNCTION count_rows(table_name text) RETURNS bigint AS $$
DECLARE result bigint;
BEGIN
  EXECUTE format('SELECT count(*) FROM %I', table_name) INTO result;
  RETURN result;
END;
$$ LANGUAGE plpgsql;`,
  },
  {
    rule: 'sql-leading-wildcard',
    title: 'LIKE with a leading %',
    language: 'sql',
    bad: `SELECT id FROM products
WHERE name ILIKE '%phone%';`,
    line: 2,
    good: `SELECT id FROM products
WHERE name ILIKE 'phone%';`,
  },
  {
    rule: 'shell-unquoted-rm',
    title: 'rm -rf $VAR',
    language: 'shell',
    bad: `#!/bin/bash
rm -rf $BUILD_DIR/*`,
    line: 2,
    good: `#!/bin/bash
rm -rf -- "\${BUILD_DIR:?}"/*`,
  },
  {
    rule: 'shell-curl-pipe-shell',
    title: 'curl | sh',
    language: 'shell',
    bad: `curl -fsSL https://example.com/install.sh | sudo sh`,
    line: 1,
    good: `curl -fsSLo install.sh https://example.com/install.sh
sha256sum -c install.sh.sha256
sh install.sh`,
  },
  {
    rule: 'hardcoded-secret-text',
    title: 'shell export',
    language: 'shell',
    bad: `export DB_HOST=db.internal
export DB_PASSWORD=s3cretPassw0rd`,
    line: 2,
    good: `export DB_HOST=db.internal
export DB_PASSWORD="$(cat /run/secrets/db_password)"`,
  },
  {
    rule: 'svelte-raw-html',
    title: '{@html} of user content',
    language: 'svelte',
    bad: `<article>
  <h2>{comment.author}</h2>
  {@html comment.body}
</article>`,
    line: 3,
    good: `<article>
  <h2>{comment.author}</h2>
  {@html DOMPurify.sanitize(comment.body)}
</article>`,
  },
]);
