import { describe, expect, it } from 'vitest';
import { readBaseConfig } from './env';
import { envExampleNames, settingsRead } from './env-example';

describe('envExampleNames', () => {
  it('names each setting once, set or commented out, and skips prose', () => {
    const text = [
      '# Where it listens (0 picks a free port).',
      'PORT=5002',
      '# HOST=127.0.0.1',
      '#   TRUST_PROXY=0',
      'PORT=5003',
      '# e.g. a NOTE=this is prose, not a setting',
    ].join('\n');
    expect(envExampleNames(text)).toEqual(['HOST', 'PORT', 'TRUST_PROXY']);
  });
});

describe('settingsRead', () => {
  it('lists every variable a config loader reads', () => {
    expect(settingsRead((env) => readBaseConfig(env, 1))).toEqual([
      'ALLOW_DEMO_DEFAULTS',
      'HOST',
      'LOG_LEVEL',
      'NODE_ENV',
      'PORT',
      'PUBLIC_BASE_URL',
      'TRUST_PROXY',
    ]);
  });

  it('hands the loader the values given', () => {
    let port: number | undefined;
    const seen = settingsRead((env) => (port = readBaseConfig(env, 1).port), { PORT: '8080' });
    expect(port).toBe(8080);
    expect(seen).toContain('PORT');
  });
});
