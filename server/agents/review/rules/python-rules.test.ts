import { describe, expect, it } from 'vitest';
import { describeRuleCases, findingsOf } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'python-sql-injection',
    title: 'f-string into execute',
    language: 'python',
    bad: `def get_user(cursor, user_id):
    cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")
    return cursor.fetchone()`,
    line: 2,
    good: `def get_user(cursor, user_id):
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    return cursor.fetchone()`,
  },
  {
    rule: 'python-sql-injection',
    title: '% formatting through a variable',
    language: 'python',
    bad: `query = "SELECT * FROM users WHERE name = '%s'" % name
cursor.execute(query)`,
    line: 1,
    good: `query = "SELECT * FROM users WHERE name = ?"
cursor.execute(query, (name,))`,
  },
  {
    rule: 'python-eval',
    title: 'eval of request data',
    language: 'python',
    bad: `result = eval(request.args["expression"])`,
    line: 1,
    good: `result = ast.literal_eval(request.args["expression"])  # not eval()`,
  },
  {
    rule: 'python-shell-injection',
    title: 'f-string command with shell=True',
    language: 'python',
    bad: `import subprocess
subprocess.run(f"convert {path} thumbnail.png", shell=True, check=True)`,
    line: 2,
    good: `import subprocess
subprocess.run(["convert", path, "thumbnail.png"], check=True)`,
  },
  {
    rule: 'python-unsafe-deserialization',
    title: 'pickle from a request',
    language: 'python',
    bad: `session = pickle.loads(request.cookies["session"])
config = yaml.load(text, Loader=yaml.SafeLoader)`,
    line: 1,
    good: `session = json.loads(request.cookies["session"])
config = yaml.load(text, Loader=yaml.SafeLoader)`,
  },
  {
    rule: 'python-weak-password-hash',
    title: 'md5 of a password',
    language: 'python',
    bad: `def store(password):
    return hashlib.md5(password.encode()).hexdigest()`,
    line: 2,
    good: `def store(password):
    salt = os.urandom(16)
    return salt + hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)`,
  },
  {
    rule: 'python-bare-except',
    title: 'bare except',
    language: 'python',
    bad: `try:
    run()
except:
    log.exception("run failed")
    raise`,
    line: 3,
    good: `try:
    run()
except Exception:
    log.exception("run failed")
    raise`,
  },
  {
    rule: 'python-except-pass',
    title: 'except … pass',
    language: 'python',
    bad: `try:
    os.remove(path)
except OSError:
    pass
print("done")`,
    line: 3,
    good: `try:
    os.remove(path)
except FileNotFoundError:
    logger.info("already gone: %s", path)
print("done")`,
  },
  {
    rule: 'python-mutable-default',
    title: 'list default',
    language: 'python',
    bad: `def add_item(item, items=[]):
    items.append(item)
    return items`,
    line: 1,
    good: `def add_item(item, items=None):
    items = [] if items is None else items
    items.append(item)
    return items`,
  },
  {
    rule: 'hardcoded-secret-text',
    title: 'Python constant',
    language: 'python',
    bad: `import os
API_KEY = "3f9a8b7c6d5e4f3a2b1c"
PASSWORD_FIELD = "password"`,
    line: 2,
    good: `import os
API_KEY = os.environ["API_KEY"]
PASSWORD_FIELD = "password"`,
  },
]);

describe('Python text handling', () => {
  it('ignores code in comments and strings', () => {
    const code = `# eval(x) is dangerous, never: cursor.execute(f"SELECT {x}")\nhelp_text = "call eval(expr) only on trusted input"\n`;
    expect(findingsOf(code, 'python')).toEqual([]);
  });

  it('accepts an IN list of placeholders the code joined, but not a joined list of values', () => {
    const placeholders = `def find(connection, ids):
    placeholders = ", ".join("?" * len(ids))
    sql = f"SELECT id FROM users WHERE id IN ({placeholders})"
    return connection.execute(sql, tuple(ids)).fetchall()`;
    expect(findingsOf(placeholders, 'python', 'python-sql-injection')).toEqual([]);
    const values = placeholders
      .replace('"?" * len(ids)', 'map(str, ids)')
      .replace('placeholders = ', 'id_list = ')
      .replace('{placeholders}', '{id_list}');
    expect(findingsOf(values, 'python', 'python-sql-injection').map((finding) => finding.line)).toEqual([3]);
  });

  it('reads a shell command built from values as command injection (an error)', () => {
    expect(
      findingsOf(`os.system("tar czf backup.tgz " + folder)`, 'python', 'python-shell-injection')[0],
    ).toMatchObject({ severity: 'error', line: 1 });
    expect(findingsOf(`subprocess.run("ls -l", shell=True)`, 'python', 'python-shell-injection')[0]).toMatchObject({
      severity: 'warning',
    });
  });
});
