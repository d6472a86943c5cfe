import { describe, expect, it } from 'vitest';
import { readSetting } from './settings';

describe('readSetting', () => {
  it('falls back to the default in development and says so, by name only', () => {
    const notices: string[] = [];
    expect(readSetting({}, 'TOKEN', { devDefault: 'dev-value', production: false, notices })).toBe(
      'dev-value',
    );
    expect(notices).toEqual([
      '`TOKEN` is not set: using its public development default (see the README)',
    ]);
  });

  it('takes a set value, trimmed', () => {
    const notices: string[] = [];
    expect(
      readSetting({ TOKEN: ' mine ' }, 'TOKEN', { devDefault: 'd', production: false, notices }),
    ).toBe('mine');
    expect(notices).toEqual([]);
  });

  it('refuses, in production, an unset value, the default and a short one', () => {
    const options = { devDefault: 'dev-value', production: true, notices: [], minLength: 8 };
    expect(() => readSetting({ TOKEN: '  ' }, 'TOKEN', options)).toThrow(
      '`TOKEN` must be set when NODE_ENV=production',
    );
    expect(() => readSetting({ TOKEN: 'dev-value' }, 'TOKEN', options)).toThrow(
      'public development default',
    );
    expect(() => readSetting({ TOKEN: 'short' }, 'TOKEN', options)).toThrow(
      'at least 8 characters',
    );
    expect(readSetting({ TOKEN: 'long-enough' }, 'TOKEN', options)).toBe('long-enough');
  });
});
