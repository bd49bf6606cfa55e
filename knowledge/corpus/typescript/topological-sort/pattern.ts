/** Thrown when dependencies form a loop; `cycle` lists it as a path, e.g. [a, b, a]. */
export class CycleError<T> extends Error {
  constructor(readonly cycle: T[]) {
    super(`Dependency cycle: ${cycle.map(String).join(' -> ')}`);
    this.name = 'CycleError';
  }
}

/**
 * Orders nodes so that each comes after everything it depends on (Kahn's algorithm,
 * O(nodes + edges)): build steps, migrations, package installs, task runners.
 * `graph` maps each node to its dependencies (a Map, or Object.entries of a record);
 * nodes only mentioned as dependencies are included. The same input always gives the
 * same order. Throws CycleError naming one cycle when no order exists.
 */
export function topologicalSort<T>(graph: Iterable<readonly [T, Iterable<T>]>): T[] {
  const dependenciesOf = new Map<T, Set<T>>();
  const node = (key: T): Set<T> => {
    let set = dependenciesOf.get(key);
    if (!set) dependenciesOf.set(key, (set = new Set()));
    return set;
  };
  for (const [key, dependencies] of graph) {
    const set = node(key);
    for (const dependency of dependencies) {
      node(dependency);
      set.add(dependency); // a Set, so repeated edges are counted once
    }
  }

  const unmet = new Map<T, number>();
  const dependents = new Map<T, T[]>([...dependenciesOf.keys()].map((key) => [key, []]));
  for (const [key, dependencies] of dependenciesOf) {
    unmet.set(key, dependencies.size);
    for (const dependency of dependencies) dependents.get(dependency)!.push(key);
  }

  const order = [...dependenciesOf.keys()].filter((key) => unmet.get(key) === 0);
  for (let i = 0; i < order.length; i++) {
    for (const dependent of dependents.get(order[i] as T)!) {
      const left = unmet.get(dependent)! - 1;
      unmet.set(dependent, left);
      if (left === 0) order.push(dependent);
    }
  }
  if (order.length < dependenciesOf.size) throw new CycleError(findCycle(dependenciesOf, unmet));
  return order;
}

// Every node left with unmet dependencies has one such dependency, so following them must loop.
function findCycle<T>(dependenciesOf: Map<T, Set<T>>, unmet: Map<T, number>): T[] {
  const stuck = (key: T) => unmet.get(key)! > 0;
  const path: T[] = [];
  const onPath = new Map<T, number>();
  let current = [...dependenciesOf.keys()].find(stuck)!;
  while (!onPath.has(current)) {
    onPath.set(current, path.length);
    path.push(current);
    current = [...dependenciesOf.get(current)!].find(stuck)!;
  }
  return [...path.slice(onPath.get(current)), current];
}
