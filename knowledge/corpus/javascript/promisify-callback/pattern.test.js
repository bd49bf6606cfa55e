import { describe, it, expect, vi } from 'vitest';
import { promisify, fromCallback } from './pattern.js';

// Old-style API: callback last, error first, called asynchronously.
function readUser(id, callback) {
  setTimeout(() => {
    if (id < 0) callback(new Error(`bad id ${id}`));
    else callback(null, { id, name: `user${id}` });
  }, 1);
}

describe('promisify', () => {
  it('resolves with the result and rejects with the error', async () => {
    const read = promisify(readUser);
    await expect(read(7)).resolves.toEqual({ id: 7, name: 'user7' });
    await expect(read(-1)).rejects.toThrow('bad id -1');
  });

  it('collects several results with multiArgs', async () => {
    const stat = (path, cb) => cb(undefined, path.length, 'file');
    await expect(promisify(stat)('abc')).resolves.toBe(3);
    await expect(promisify(stat, { multiArgs: true })('abc')).resolves.toEqual([3, 'file']);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const broken = () => { throw new Error('sync boom'); };
    const promise = promisify(broken)();
    expect(promise).toBeInstanceOf(Promise);
    await expect(promise).rejects.toThrow('sync boom');
  });

  it('settles once even if the callback fires twice', async () => {
    const twice = (cb) => { cb(null, 'first'); cb(new Error('late')); cb(null, 'second'); };
    await expect(promisify(twice)()).resolves.toBe('first');
  });

  it('keeps this for methods, and loses it when detached', async () => {
    const db = {
      prefix: 'db:',
      get(key, cb) { cb(null, this?.prefix + key); },
    };
    db.getAsync = promisify(db.get);
    await expect(db.getAsync('a')).resolves.toBe('db:a');
    await expect(promisify(db.get.bind(db))('b')).resolves.toBe('db:b');
    await expect(promisify(db.get)('c')).resolves.toBe('undefinedc');
  });

  it('passes the arguments through before the callback', async () => {
    const spy = vi.fn((a, b, cb) => cb(null, a + b));
    await expect(promisify(spy)(2, 3)).resolves.toBe(5);
    expect(spy.mock.calls[0].slice(0, 2)).toEqual([2, 3]);
    expect(typeof spy.mock.calls[0][2]).toBe('function');
    expect(() => promisify('nope')).toThrow(TypeError);
  });
});

describe('fromCallback', () => {
  it('resolves with the value given to the callback', async () => {
    const once = (done) => setTimeout(() => done('closed'), 1);
    await expect(fromCallback(once)).resolves.toBe('closed');
  });
});
