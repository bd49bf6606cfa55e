import { describe, expect, it } from 'vitest';
import { describeRuleCases, findingsOf } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'sql-injection',
    title: 'concatenation passed to query',
    language: 'typescript',
    bad: `async function getUser(db, id) {
  const rows = await db.query("SELECT * FROM users WHERE id=" + id);
  return rows[0];
}`,
    line: 2,
    good: `async function getUser(db, id) {
  const rows = await db.query("SELECT * FROM users WHERE id = $1", [id]);
  return rows[0];
}`,
  },
  {
    rule: 'sql-injection',
    title: 'template built in a variable',
    language: 'typescript',
    bad: `export async function search(pool, name: string) {
  const sql = \`SELECT * FROM users WHERE name = '\${name}'\`;
  return pool.query(sql);
}`,
    line: 2,
    good: `export async function search(pool, name: string) {
  const sql = 'SELECT * FROM users WHERE name = $1';
  return pool.query(sql, [name]);
}`,
  },
  {
    rule: 'sql-injection',
    title: 'appended with +=',
    language: 'javascript',
    bad: `function findOrders(connection, status) {
  let sql = 'SELECT * FROM orders';
  sql += " WHERE status = '" + status + "'";
  return connection.execute(sql);
}`,
    line: 3,
    good: `function findOrders(connection, status) {
  const sql = 'SELECT * FROM orders WHERE status = ?';
  return connection.execute(sql, [status]);
}`,
  },
  {
    rule: 'code-from-string',
    title: 'eval',
    language: 'javascript',
    bad: `const settings = eval('(' + body + ')');`,
    line: 1,
    good: `const settings = JSON.parse(body);`,
  },
  {
    rule: 'code-from-string',
    title: 'new Function',
    language: 'typescript',
    bad: `const formula = new Function('x', userFormula);`,
    line: 1,
    good: `const formulas = { double: (x: number) => x * 2 };`,
  },
  {
    rule: 'timer-with-string',
    title: 'string callback',
    language: 'javascript',
    bad: `function refresh() {}\nsetTimeout("refresh()", 1000);`,
    line: 2,
    good: `function refresh() {}\nsetTimeout(() => refresh(), 1000);`,
  },
  {
    rule: 'unsafe-html',
    title: 'innerHTML',
    language: 'typescript',
    bad: `function showComment(comment: string) {
  document.getElementById('comment')!.innerHTML = comment;
}`,
    line: 2,
    good: `function showComment(comment: string) {
  document.getElementById('comment')!.textContent = comment;
}`,
  },
  {
    rule: 'unsafe-html',
    title: 'dangerouslySetInnerHTML',
    language: 'typescript',
    bad: `export const Comment = ({ html }: { html: string }) => (
  <div dangerouslySetInnerHTML={{ __html: html }} />
);`,
    line: 2,
    good: `export const Comment = ({ html }: { html: string }) => (
  <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />
);`,
  },
  {
    rule: 'unsafe-html',
    title: 'document.write',
    language: 'javascript',
    bad: `document.write('<h1>' + location.hash.slice(1) + '</h1>');`,
    line: 1,
    good: `document.write('<h1>Welcome</h1>');`,
  },
]);

describe('sql-injection details', () => {
  it('suggests the same query with numbered placeholders and the values as parameters', () => {
    const [finding] = findingsOf(
      `db.query("SELECT * FROM users WHERE name = '" + name + "' AND age > " + age);`,
      'javascript',
      'sql-injection',
    );
    expect(finding!.message).toContain('`name`, `age` are spliced');
    expect(finding!.suggestion).toContain("db.query('SELECT * FROM users WHERE name = $1 AND age > $2', [name, age])");
  });

  it('leaves SQL the code builds from constants alone: clauses with placeholders, joined lists, allowlisted names', () => {
    const code = `const columns = ['id', 'title'].join(', ');
async function list(db, ownerId: string, search: { title?: string; after?: string }, kind: string) {
  const parameters: unknown[] = [ownerId];
  let where = 'owner_id = $1';
  if (search.after) {
    parameters.push(search.after);
    where += \` AND id < $\${parameters.length}\`;
  }
  const filters: string[] = [];
  if (search.title) filters.push(\`title ILIKE $\${parameters.push(search.title)}\`);
  const schema = \`tenant_\${kind.replace(/[^a-z0-9]/g, '_')}\`;
  await db.query(\`SET search_path TO \${schema}, \${schema}_shared\`);
  return db.query(\`SELECT \${columns} FROM items WHERE \${where}\${filters.length ? ' AND ' + filters.join(' AND ') : ''}\`, parameters);
}`;
    expect(findingsOf(code, 'typescript', 'sql-injection')).toEqual([]);
  });

  it('still finds a value among the fragments', () => {
    const code = `async function list(db, search: { title: string }) {
  const filters: string[] = [];
  filters.push("title = '" + search.title + "'");
  return db.query('SELECT * FROM items WHERE ' + filters.join(' AND '));
}`;
    expect(findingsOf(code, 'typescript', 'sql-injection').map((finding) => finding.line)).toEqual([4]);
  });

  it('leaves constants, numbers and tagged templates alone', () => {
    const code = `const table = 'users';
function byId(db, id: number, name: string) {
  db.query(\`SELECT * FROM \${table} WHERE id = \` + id);
  return db.query(sql\`SELECT * FROM users WHERE name = \${name}\`);
}`;
    expect(findingsOf(code, 'typescript', 'sql-injection')).toEqual([]);
  });
});
