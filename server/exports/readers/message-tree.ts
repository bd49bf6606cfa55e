import { isRecord, text } from './json-values.ts';

/** Messages keyed by id as a tree: the roots, and each message's children in their parent's listed order. */
export interface MessageTree {
  nodes: Map<string, Record<string, unknown>>;
  roots: string[];
  children: Map<string, string[]>;
}

/**
 * Builds the tree of messages that name their parent (`parentKey`) and list their children (`childrenKey`, which
 * only orders siblings), as ChatGPT's `mapping` and Open WebUI's `history.messages` do. Returns why not, for a
 * message that is not an object, a parent that is not there, or messages that loop back on each other.
 */
export function messageTree(
  messages: Record<string, unknown>,
  keys: { parentKey: string; childrenKey: string },
): MessageTree | string {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const [id, node] of Object.entries(messages)) {
    if (!isRecord(node)) return `message ${id} is not a JSON object`;
    nodes.set(id, node);
  }
  const roots: string[] = [];
  const children = new Map<string, string[]>();
  for (const [id, node] of nodes) {
    const parent = text(node[keys.parentKey]);
    if (!parent) roots.push(id);
    else if (!nodes.has(parent)) return `message ${id} answers message ${parent}, which is not in the conversation`;
    else children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  for (const [parent, ids] of children) {
    const order = nodes.get(parent)?.[keys.childrenKey];
    const position = (id: string) => (Array.isArray(order) && order.includes(id) ? order.indexOf(id) : Infinity);
    ids.sort((a, b) => position(a) - position(b));
  }
  let reached = 0;
  const stack = [...roots];
  while (stack.length > 0) {
    reached += 1;
    stack.push(...(children.get(stack.pop() as string) ?? []));
  }
  if (reached < nodes.size) return 'its messages loop back on each other (a cycle in the message tree)';
  return { nodes, roots, children };
}
