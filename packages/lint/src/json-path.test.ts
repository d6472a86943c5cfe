import { describe, expect, it } from 'vitest';
import { charCount, jsonPath } from './json-path';

describe('jsonPath', () => {
  it('writes keys as dots, other keys quoted, indexes and name filters in brackets', () => {
    expect(jsonPath()).toBe('$');
    expect(jsonPath('paths', '/todos/{id}', 'get', 'parameters', { name: 'id' })).toBe(
      "$.paths['/todos/{id}'].get.parameters[?(@.name=='id')]",
    );
    expect(jsonPath('content', 'application/json', 'examples', 0)).toBe(
      "$.content['application/json'].examples[0]",
    );
    expect(jsonPath("it's")).toBe("$['it\\'s']");
  });
});

describe('charCount', () => {
  it('counts code points, not UTF-16 units or bytes', () => {
    expect(charCount('单词本')).toBe(3);
    expect(charCount('📘'.repeat(20))).toBe(20);
    expect(charCount('')).toBe(0);
  });
});
