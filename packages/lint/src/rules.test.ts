import { describe, expect, it } from 'vitest';
import { checkRules, type Rule } from './rules';

const shortName: Rule<{ name: string }> = {
  id: 'demo/short-name',
  severity: 'warning',
  path: '$.name',
  fix: 'shorten the name',
  check: ({ name }) =>
    name.length > 3 ? [{ path: '$.name', message: `\`name\` is ${name.length} characters` }] : [],
};

describe('checkRules', () => {
  it('turns each violation into a finding with the rule id, severity and fix', () => {
    expect(checkRules([shortName], { name: 'wordbook' })).toEqual([
      {
        rule: 'demo/short-name',
        severity: 'warning',
        path: '$.name',
        message: '`name` is 8 characters',
        fix: 'shorten the name',
      },
    ]);
  });

  it('finds nothing when every rule is kept', () => {
    expect(checkRules([shortName], { name: 'abc' })).toEqual([]);
  });
});
