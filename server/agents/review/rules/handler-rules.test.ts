import { describeRuleCases } from './rule-cases.ts';

describeRuleCases([
  {
    rule: 'sync-io-in-handler',
    title: 'readFileSync in an Express route',
    language: 'javascript',
    bad: `const template = fs.readFileSync('layout.html', 'utf8');
app.get('/report', (req, res) => {
  const body = fs.readFileSync('report.html', 'utf8');
  res.send(template.replace('{{body}}', body));
});`,
    line: 3,
    good: `const template = fs.readFileSync('layout.html', 'utf8');
app.get('/report', async (req, res) => {
  const body = await fs.promises.readFile('report.html', 'utf8');
  res.send(template.replace('{{body}}', body));
});`,
  },
  {
    rule: 'sync-io-in-handler',
    title: 'execSync in a handler function',
    language: 'typescript',
    bad: `export async function statusHandler(request: Request) {
  const version = execSync('git rev-parse HEAD').toString();
  return new Response(version);
}`,
    line: 2,
    good: `const version = execSync('git rev-parse HEAD').toString();
export async function statusHandler(request: Request) {
  return new Response(version);
}`,
  },
]);
