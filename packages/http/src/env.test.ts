import { describe, expect, it } from 'vitest';
import {
  isLoopback,
  readBaseConfig,
  readFlag,
  readInteger,
  readPort,
  refuseDemoDefaults,
} from './env';

const PRODUCTION = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://plugin.example.com' };

describe('readBaseConfig', () => {
  it('uses the default port, loopback and no base URL when nothing is set', () => {
    expect(readBaseConfig({}, 5002)).toEqual({
      port: 5002,
      host: '127.0.0.1',
      publicBaseUrl: undefined,
      trustProxy: false,
      production: false,
      logLevel: 'info',
      allowDemoDefaults: false,
    });
  });

  it('reads every setting', () => {
    const config = readBaseConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        PUBLIC_BASE_URL: 'https://plugin.example.com/',
        TRUST_PROXY: 'true',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        ALLOW_DEMO_DEFAULTS: '1',
      },
      5002,
    );
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      publicBaseUrl: 'https://plugin.example.com',
      trustProxy: true,
      production: true,
      logLevel: 'warn',
      allowDemoDefaults: true,
    });
  });

  it('listens on every interface in production unless HOST says otherwise', () => {
    expect(readBaseConfig(PRODUCTION, 1).host).toBeUndefined();
    expect(readBaseConfig({ ...PRODUCTION, HOST: '10.0.0.5' }, 1).host).toBe('10.0.0.5');
  });

  it('refuses to start in production without PUBLIC_BASE_URL', () => {
    expect(() => readBaseConfig({ NODE_ENV: 'production' }, 1)).toThrow(
      '`PUBLIC_BASE_URL` must be set when NODE_ENV=production',
    );
  });

  it('refuses a NODE_ENV that is neither production, development nor test', () => {
    expect(() => readBaseConfig({ NODE_ENV: 'prod' }, 1)).toThrow(/`NODE_ENV`.*`prod`/);
    expect(readBaseConfig({ NODE_ENV: 'test' }, 1).production).toBe(false);
  });

  it('names the variable when a value is wrong', () => {
    expect(() => readPort({ PORT: 'eighty' }, 'PORT', 1)).toThrow(/`PORT`/);
    expect(() => readPort({ PORT: '70000' }, 'PORT', 1)).toThrow(/`PORT`/);
    expect(() => readPort({ PORT: '-1' }, 'PORT', 1)).toThrow(/`PORT`/);
    expect(() => readFlag({ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY')).toThrow(/`TRUST_PROXY`/);
    expect(() => readBaseConfig({ PUBLIC_BASE_URL: 'example.com' }, 1)).toThrow(/PUBLIC_BASE_URL/);
    expect(() => readBaseConfig({ LOG_LEVEL: 'loud' }, 1)).toThrow(/`LOG_LEVEL`/);
  });
});

describe('readInteger', () => {
  it('reads a whole number within its bounds, or the fallback when unset', () => {
    expect(readInteger({ N: ' 42 ' }, 'N', 7, 0, 100)).toBe(42);
    expect(readInteger({}, 'N', 7, 0, 100)).toBe(7);
    expect(readInteger({ N: '' }, 'N', 7, 0, 100)).toBe(7);
  });

  it.each(['1.5', '-3', '1e3', '101', 'ten'])('refuses `%s`, naming the variable', (raw) => {
    expect(() => readInteger({ N: raw }, 'N', 7, 0, 100)).toThrow(
      `\`N\` must be a whole number from 0 to 100, got \`${raw}\``,
    );
  });
});

describe('refuseDemoDefaults', () => {
  const names = ['SERVICE_TOKEN'];

  it('allows the demo values on loopback', () => {
    expect(() => refuseDemoDefaults(readBaseConfig({}, 1), names)).not.toThrow();
    expect(() => refuseDemoDefaults(readBaseConfig({ HOST: '::1' }, 1), names)).not.toThrow();
  });

  it('refuses them beyond loopback, naming the settings and the way out', () => {
    const config = readBaseConfig({ HOST: '0.0.0.0' }, 1);
    expect(() => refuseDemoDefaults(config, names)).toThrow(
      /`SERVICE_TOKEN` still at the public demo value while listening on 0\.0\.0\.0.*ALLOW_DEMO_DEFAULTS/,
    );
    expect(() => refuseDemoDefaults(config, [])).not.toThrow();
  });

  it('allows them beyond loopback only when ALLOW_DEMO_DEFAULTS=1', () => {
    const config = readBaseConfig({ HOST: '0.0.0.0', ALLOW_DEMO_DEFAULTS: '1' }, 1);
    expect(() => refuseDemoDefaults(config, names)).not.toThrow();
  });

  it('counts only loopback addresses as loopback', () => {
    expect([undefined, '0.0.0.0', '::', '192.168.1.4', '127.evil'].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopback)).toBe(true);
  });
});
