import { describe, expect, it } from 'vitest';
import { unsoundField, unsoundInput } from './sound-input';

describe('unsoundField', () => {
  it.each([
    ['plain text', 'Buy milk'],
    ['a surrogate pair (an emoji)', 'milk 🥛'],
    ['an empty string', ''],
    ['a whole number', 42],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER],
    ['a fraction', -12.75],
    ['nested values', { a: ['x', 1, { b: '🥛' }] }],
    ['null', null],
  ])('accepts %s', (_, value) => {
    expect(unsoundField(value, 'field')).toBeUndefined();
  });

  it.each([
    ['a lone high surrogate', '\ud800', 'todo', 'must be well-formed Unicode'],
    ['a lone low surrogate', 'ok \udc00', 'todo', 'must be well-formed Unicode'],
    ['Infinity', Infinity, 'limit', 'must be a finite number'],
    ['-Infinity', -Infinity, 'limit', 'must be a finite number'],
    ['NaN', Number.NaN, 'limit', 'must be a finite number'],
  ])('refuses %s, naming the field', (_, value, field, problem) => {
    expect(unsoundField(value, field)).toEqual({
      field,
      message: `\`${field}\` ${problem}${typeof value === 'string' ? ' (it has a lone surrogate)' : ''}`,
    });
  });

  it.each([1e21, -(2 ** 53)])(
    'refuses the integer %s, past what a double holds exactly',
    (value) => {
      expect(unsoundField(value, 'team_ids.0')).toEqual({
        field: 'team_ids.0',
        message: '`team_ids.0` must be between -(2^53 - 1) and 2^53 - 1',
      });
    },
  );

  it('names the path of a nested value, and a bad key by its parent', () => {
    expect(unsoundField({ list: ['a', '\ud800'] }, 'body')?.field).toBe('body.list.1');
    expect(unsoundField({ ['\udfff']: 1 }, 'body')?.field).toBe('body');
  });
});

describe('unsoundInput', () => {
  it('names a top-level entry by its own name', () => {
    expect(unsoundInput({ limit: 5, seasons: [2024, Infinity] }, 'query')?.field).toBe('seasons.1');
    expect(unsoundInput({ todo: '\ud800' }, 'body')?.field).toBe('todo');
  });

  it('names anything that is not an object by the root', () => {
    expect(unsoundInput('\ud800', 'body')?.field).toBe('body');
    expect(unsoundInput(undefined, 'body')).toBeUndefined();
  });
});
