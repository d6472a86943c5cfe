import { describe, expect, it } from 'vitest';
import { readBaseConfig, readFlag, readPort } from './env';

describe('readBaseConfig', () => {
  it('uses the default port and no base URL when nothing is set', () => {
    expect(readBaseConfig({}, 5002)).toEqual({
      port: 5002,
      publicBaseUrl: undefined,
      trustProxy: false,
      production: false,
    });
  });

  it('reads every setting', () => {
    const config = readBaseConfig(
      {
        PORT: '8080',
        PUBLIC_BASE_URL: 'https://plugin.example.com/',
        TRUST_PROXY: 'true',
        NODE_ENV: 'production',
      },
      5002,
    );
    expect(config).toEqual({
      port: 8080,
      publicBaseUrl: 'https://plugin.example.com',
      trustProxy: true,
      production: true,
    });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => readPort({ PORT: 'eighty' }, 'PORT', 1)).toThrow(/`PORT`/);
    expect(() => readPort({ PORT: '70000' }, 'PORT', 1)).toThrow(/`PORT`/);
    expect(() => readFlag({ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY')).toThrow(/`TRUST_PROXY`/);
    expect(() => readBaseConfig({ PUBLIC_BASE_URL: 'example.com' }, 1)).toThrow(/PUBLIC_BASE_URL/);
  });
});
