import { describe, expect, it } from 'vitest';
import { loggableError } from './errors';

describe('loggableError', () => {
  it('keeps codes and the table but no parameters, row detail or quoted values of a database error', () => {
    const dbError = Object.assign(new Error('invalid input syntax for type date: "2015-13-40"'), {
      code: '22007',
      table: 'person_births',
      detail: 'Key (given)=(Xədicə) already exists.',
      query: 'INSERT INTO person_names (given) VALUES ($1)',
      params: ['Xədicə'],
      parameters: ['Xədicə'],
    });
    const logged = loggableError(dbError);
    expect(logged).toMatchObject({ type: 'Error', code: '22007', table: 'person_births' });
    expect(logged.message).toBe('invalid input syntax for type date: "…"');
    const text = JSON.stringify(logged);
    for (const leaked of ['Xədicə', 'params', 'parameters', 'INSERT INTO', '2015-13-40']) expect(text).not.toContain(leaked);
  });

  it('describes a thrown non-error by its type only', () => {
    expect(loggableError('Xədicə Quliyeva')).toEqual({ type: 'string' });
  });
});
