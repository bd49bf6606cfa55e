import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createDeferred } from './pattern.ts';

describe('createDeferred', () => {
  it('resolves from outside the promise, e.g. from an event handler', async () => {
    const emitter = new EventEmitter();
    const ready = createDeferred<string>();
    emitter.once('ready', (name: string) => ready.resolve(name));
    expect(ready.settled).toBe(false);
    emitter.emit('ready', 'db');
    expect(ready.settled).toBe(true);
    await expect(ready.promise).resolves.toBe('db');
  });

  it('matches replies to requests by id', async () => {
    const pending = new Map<number, ReturnType<typeof createDeferred<string>>>();
    const request = (id: number) => {
      const reply = createDeferred<string>();
      pending.set(id, reply);
      return reply.promise;
    };
    const first = request(1);
    const second = request(2);
    pending.get(2)?.resolve('two');
    pending.get(1)?.reject(new Error('one failed'));
    await expect(second).resolves.toBe('two');
    await expect(first).rejects.toThrow('one failed');
  });

  it('keeps the first outcome and ignores later calls', async () => {
    const deferred = createDeferred<number>();
    deferred.resolve(1);
    deferred.resolve(2);
    deferred.reject(new Error('too late'));
    await expect(deferred.promise).resolves.toBe(1);
  });

  it('adopts the state of a promise passed to resolve', async () => {
    const deferred = createDeferred<number>();
    deferred.resolve(Promise.reject(new Error('inner')));
    await expect(deferred.promise).rejects.toThrow('inner');
  });

  it('stays pending until settled', async () => {
    const deferred = createDeferred();
    const outcome = await Promise.race([deferred.promise.then(() => 'settled'), Promise.resolve('pending')]);
    expect(outcome).toBe('pending');
    deferred.resolve();
    await expect(deferred.promise).resolves.toBeUndefined();
  });
});
