import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, parseWord, wordKey } from './word';

describe('parseWord', () => {
  it.each([
    ['hello', 'hello'],
    ['  Hello ', 'Hello'],
    ['well-known', 'well-known'],
    ["don't", "don't"],
    ['don\u2019t', "don't"],
    ['a'.repeat(MAX_WORD_LENGTH), 'a'.repeat(MAX_WORD_LENGTH)],
  ])('accepts %j as %j', (value, word) => {
    expect(parseWord(value)).toEqual({ word });
  });

  it.each([
    [42, 'must be a string'],
    ['   ', 'must not be empty'],
    ['a'.repeat(MAX_WORD_LENGTH + 1), 'must be at most 45 characters'],
    ['two words', 'must be one English word'],
    ['-hello', 'must be one English word'],
    ["hello'", 'must be one English word'],
    ['well--known', 'must be one English word'],
    ['café', 'must be one English word'],
    ['单词', 'must be one English word'],
    ['h3llo', 'must be one English word'],
  ])('rejects %j: %s', (value, problem) => {
    const result = parseWord(value);
    expect('problem' in result && result.problem).toMatch(new RegExp(`^${problem}`));
  });
});

describe('wordKey', () => {
  it('is the same for two spellings that differ only in case', () => {
    expect(wordKey('Hello')).toBe(wordKey('hELLO'));
    expect(wordKey('hello')).not.toBe(wordKey('hallo'));
  });
});
