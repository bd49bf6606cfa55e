/** @param {unknown[]} fns */
function assertFunctions(fns) {
  fns.forEach((fn, i) => {
    if (typeof fn !== 'function') throw new TypeError(`Argument ${i} is not a function`);
  });
}

/**
 * Left to right: pipe(f, g, h)(...args) === h(g(f(...args))).
 * The first function receives all arguments; the rest receive the previous result.
 * With no functions, returns the first argument unchanged.
 * @param {...Function} fns
 * @returns {(...args: any[]) => any}
 */
export function pipe(...fns) {
  assertFunctions(fns);
  /** @this {unknown} @param {...any} args */
  return function piped(...args) {
    const [first, ...rest] = fns;
    if (!first) return args[0];
    return rest.reduce((value, fn) => fn.call(this, value), first.apply(this, args));
  };
}

/**
 * Right to left, as in maths: compose(f, g, h)(x) === f(g(h(x))).
 * @param {...Function} fns
 * @returns {(...args: any[]) => any}
 */
export function compose(...fns) {
  return pipe(...fns.reverse());
}

/**
 * Like pipe, but awaits each step, so steps may be async (or mixed).
 * Always returns a Promise; a rejection skips the remaining steps.
 * @param {...Function} fns
 * @returns {(...args: any[]) => Promise<any>}
 */
export function pipeAsync(...fns) {
  assertFunctions(fns);
  /** @this {unknown} @param {...any} args */
  return async function piped(...args) {
    const [first, ...rest] = fns;
    if (!first) return args[0];
    let value = await first.apply(this, args);
    for (const fn of rest) value = await fn.call(this, value);
    return value;
  };
}
