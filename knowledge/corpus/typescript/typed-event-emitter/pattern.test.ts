import { describe, expect, it, vi } from 'vitest';
import { TypedEmitter } from './pattern.ts';

interface ShopEvents {
  'order:placed': [orderId: string, total: number];
  'stock:empty': [sku: string];
  reset: [];
}

describe('TypedEmitter', () => {
  it('passes typed arguments to listeners in subscription order', () => {
    const shop = new TypedEmitter<ShopEvents>();
    const calls: string[] = [];
    shop.on('order:placed', (id, total) => calls.push(`first ${id} ${total.toFixed(2)}`));
    shop.on('order:placed', (id) => calls.push(`second ${id}`));
    expect(shop.emit('order:placed', 'A1', 9.5)).toBe(true);
    expect(calls).toEqual(['first A1 9.50', 'second A1']);
    expect(shop.emit('reset')).toBe(false);
  });

  it('rejects wrong event names and payloads at compile time', () => {
    const shop = new TypedEmitter<ShopEvents>();
    const check = () => {
      // @ts-expect-error total must be a number
      shop.emit('order:placed', 'A1', '9.50');
      // @ts-expect-error unknown event
      shop.emit('order:cancelled', 'A1');
      // @ts-expect-error listener expects the wrong type
      shop.on('stock:empty', (sku: number) => sku);
    };
    expect(check).toBeTypeOf('function');
  });

  it('unsubscribes with the returned function or off()', () => {
    const shop = new TypedEmitter<ShopEvents>();
    const a = vi.fn();
    const b = vi.fn();
    const unsubscribe = shop.on('stock:empty', a);
    shop.on('stock:empty', b);
    unsubscribe();
    shop.off('stock:empty', b);
    expect(shop.emit('stock:empty', 'sku-1')).toBe(false);
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
    expect(shop.listenerCount('stock:empty')).toBe(0);
  });

  it('runs once() listeners a single time, and they can be removed before firing', () => {
    const shop = new TypedEmitter<ShopEvents>();
    const fired = vi.fn();
    const removed = vi.fn();
    shop.once('reset', fired);
    shop.once('reset', removed);
    shop.off('reset', removed);
    shop.emit('reset');
    shop.emit('reset');
    expect(fired).toHaveBeenCalledTimes(1);
    expect(removed).not.toHaveBeenCalled();
  });

  it('is not disturbed by listeners that unsubscribe or subscribe during emit', () => {
    const shop = new TypedEmitter<ShopEvents>();
    const later = vi.fn();
    const third = vi.fn();
    const unsubscribeFirst = shop.on('reset', () => {
      unsubscribeFirst();
      shop.on('reset', later);
    });
    shop.on('reset', third);
    shop.emit('reset');
    expect(third).toHaveBeenCalledTimes(1);
    expect(later).not.toHaveBeenCalled();
    shop.emit('reset');
    expect(later).toHaveBeenCalledTimes(1);
    expect(third).toHaveBeenCalledTimes(2);
  });
});
