import ts from 'typescript';
import type { SyntaxTreeRule } from '../review-rule.ts';
import { calleeName, nameOf } from './syntax-tree-helpers.ts';

/** Blocking calls of `fs` and `child_process`. */
const blockingCall =
  /^(readFileSync|writeFileSync|appendFileSync|existsSync|readdirSync|statSync|lstatSync|mkdirSync|rmSync|unlinkSync|copyFileSync|renameSync|accessSync|openSync|readSync|writeSync|execSync|execFileSync|spawnSync)$/;
/** Methods that register a request handler (Express, Koa routers, Hono, Fastify, Node's http). */
const routeMethods = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'all',
  'use',
  'head',
  'options',
  'route',
  'handle',
  'createServer',
]);
const requestParameter = /^(req|request|ctx|context|c)$/;

/** Whether a function serves requests: passed to a route method, named as a handler, or taking a request first. */
function isRequestHandler(node: ts.SignatureDeclaration): boolean {
  const parent = node.parent;
  if (
    ts.isCallExpression(parent) &&
    parent.arguments.includes(node as unknown as ts.Expression) &&
    routeMethods.has(calleeName(parent) ?? '')
  )
    return true;
  const name = nameOf(node) ?? nameOf(parent);
  if (name && /handler|controller|route|endpoint/i.test(name)) return true;
  const first = node.parameters[0]?.name;
  return !!first && ts.isIdentifier(first) && requestParameter.test(first.text);
}

/** `readFileSync` and friends inside a request handler: the whole server waits for the disk on every request. */
export const syncFsInHandlerRule: SyntaxTreeRule = {
  id: 'sync-io-in-handler',
  category: 'performance',
  severity: 'warning',
  message: 'A blocking call in a request handler: while it runs, the server answers no other request.',
  suggestion:
    'Use the async version (`await fs.promises.readFile(…)`, `await readFile(…)` from `node:fs/promises`, `execFile` with a callback/promise), or read the file once at start-up.',
  visit(node, context) {
    if (!ts.isCallExpression(node)) return;
    const name = calleeName(node);
    if (!name || !blockingCall.test(name)) return;
    for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
      if (ts.isFunctionLike(current) && isRequestHandler(current)) {
        context.report(node, {
          message: `\`${name}\` blocks inside a request handler: while it runs, the server answers no other request.`,
        });
        return;
      }
    }
  },
};
