import { describe, expect, it } from 'vitest';
import { findError } from '../../../knowledge/errors/find-error.ts';
import { likelyCause } from './likely-causes.ts';

const causeOf = (printed: string) => likelyCause(findError(printed)!);

describe('likelyCause', () => {
  it('explains reading a property of undefined with the property that was asked for', () => {
    const cause = causeOf(
      "TypeError: Cannot read properties of undefined (reading 'map')\n    at renderList (/app/list.ts:12:20)",
    )!;
    expect(cause.meaning).toBe(
      'Code read a property of a value that was `undefined` at that moment (it asked for `.map`).',
    );
    expect(cause.causes.join(' ')).toMatch(/not loaded yet/);
    expect(cause.causes.join(' ')).toMatch(/missing `await`/);
    expect(causeOf("TypeError: undefined is not an object (evaluating 'data.items.map')")!.meaning).toContain('`.map`');
    expect(causeOf("TypeError: Cannot read properties of null (reading 'length')")!.meaning).toContain('`null`');
  });

  it('tells how to find the process holding a port', () => {
    const cause = causeOf('Error: listen EADDRINUSE: address already in use :::3000')!;
    expect(cause.fixes.join(' ')).toContain('lsof -i :<port>');
  });

  it('recommends an upsert for a unique violation, naming the constraint', () => {
    const cause = causeOf('ERROR:  duplicate key value violates unique constraint "users_email_key"')!;
    expect(cause.meaning).toContain('`users_email_key`');
    expect(cause.fixes[0]).toContain('ON CONFLICT');
    expect(likelyCause({ type: '', message: 'duplicate key value violates unique constraint' })!.meaning).not.toContain(
      '(',
    );
  });

  it('gives Python advice by exception type, with the value from the message', () => {
    expect(causeOf("KeyError: 'user_id'")!.fixes[0]).toContain('d.get(key, default)');
    expect(causeOf("AttributeError: 'NoneType' object has no attribute 'group'")!.causes[1]).toContain('re.match');
    expect(causeOf("AttributeError: 'dict' object has no attribute 'name'")!.meaning).toBe(
      'A `dict` has no attribute `name`.',
    );
    expect(causeOf("ModuleNotFoundError: No module named 'yaml'")!.fixes[0]).toContain('python -m pip install');
  });

  it('keeps $ signs of shell advice that are not groups', () => {
    expect(causeOf('./deploy.sh: line 4: TOKEN: unbound variable')!.fixes[0]).toContain('${NAME:-default}');
  });

  it('picks the specific ES module advice before the general ReferenceError one', () => {
    expect(causeOf('ReferenceError: __dirname is not defined in ES module scope')!.fixes[0]).toContain(
      'import.meta.dirname',
    );
    expect(causeOf('ReferenceError: fetchUser is not defined')!.meaning).toContain('`fetchUser`');
  });

  it('has nothing to say about an error it does not know', () => {
    expect(likelyCause({ type: 'FrobnicationError', message: 'the frobnicator jammed' })).toBeUndefined();
  });
});
