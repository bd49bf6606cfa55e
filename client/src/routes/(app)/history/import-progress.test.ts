import { describe, expect, it } from 'vitest';
import { serverPhaseText } from './import-progress.ts';

describe('serverPhaseText', () => {
  it('says the file is being checked before the server has reported anything', () => {
    expect(serverPhaseText(null)).toBe('Checking the file…');
    expect(serverPhaseText({ phase: 'checking', done: 0, total: null })).toBe('Checking the file…');
  });

  it('counts the conversations read while checking, and written of the total while importing', () => {
    expect(serverPhaseText({ phase: 'checking', done: 500, total: null })).toBe(
      'Checking the file… 500 conversations read',
    );
    expect(serverPhaseText({ phase: 'checking', done: 1, total: null })).toBe('Checking the file… 1 conversation read');
    expect(serverPhaseText({ phase: 'importing', done: 120, total: 1000 })).toBe('Importing 120 of 1,000');
  });

  it('says the report is coming once every conversation is written', () => {
    expect(serverPhaseText({ phase: 'done', done: 1000, total: 1000 })).toBe('Finishing the report…');
  });
});
