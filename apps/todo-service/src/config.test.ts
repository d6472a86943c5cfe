import { describe, expect, it } from 'vitest';
import { DEV_SERVICE_TOKEN, DEV_VERIFICATION_TOKEN, loadConfig } from './config';

const realToken = 'f'.repeat(64);
const PRODUCTION = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://todo.example.com' };

describe('todo-service configuration', () => {
  it('uses the documented development defaults and announces them by name, not by value', () => {
    const config = loadConfig({});
    expect(config.serviceToken).toBe(DEV_SERVICE_TOKEN);
    expect(config.verificationToken).toBe(DEV_VERIFICATION_TOKEN);
    expect(config.notices.join('\n')).toMatch(/SERVICE_TOKEN[\s\S]*OPENAI_VERIFICATION_TOKEN/);
    expect(config.notices.join('\n')).not.toContain(DEV_SERVICE_TOKEN);
    expect(config.port).toBe(5003);
  });

  it('takes the values from the environment, and then announces nothing', () => {
    const config = loadConfig({ SERVICE_TOKEN: 'mine', OPENAI_VERIFICATION_TOKEN: 'issued' });
    expect(config).toMatchObject({
      serviceToken: 'mine',
      verificationToken: 'issued',
      notices: [],
    });
  });

  it.each([
    ['no token', {}, '`SERVICE_TOKEN` must be set'],
    [
      'the development token',
      { SERVICE_TOKEN: DEV_SERVICE_TOKEN },
      '`SERVICE_TOKEN` is the public development default',
    ],
    ['a short token', { SERVICE_TOKEN: 'short' }, '`SERVICE_TOKEN` must be at least 32 characters'],
    [
      'no verification token',
      { SERVICE_TOKEN: realToken },
      '`OPENAI_VERIFICATION_TOKEN` must be set',
    ],
    [
      'the development verification token',
      { SERVICE_TOKEN: realToken, OPENAI_VERIFICATION_TOKEN: DEV_VERIFICATION_TOKEN },
      '`OPENAI_VERIFICATION_TOKEN` is the public development default',
    ],
  ])('refuses to start in production with %s', (_, env, message) => {
    expect(() => loadConfig({ ...PRODUCTION, ...env })).toThrow(message);
  });

  it('starts in production with real values', () => {
    const config = loadConfig({
      ...PRODUCTION,
      SERVICE_TOKEN: realToken,
      OPENAI_VERIFICATION_TOKEN: 'issued',
    });
    expect(config).toMatchObject({ production: true, serviceToken: realToken, notices: [] });
  });

  it('refuses its demo tokens beyond loopback unless ALLOW_DEMO_DEFAULTS=1', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      '`SERVICE_TOKEN`, `OPENAI_VERIFICATION_TOKEN` still at the public demo value',
    );
    expect(() => loadConfig({ HOST: '0.0.0.0', SERVICE_TOKEN: realToken })).toThrow(
      /^`OPENAI_VERIFICATION_TOKEN` still/,
    );
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_DEMO_DEFAULTS: 'yes' }).host).toBe('0.0.0.0');
    const real = { SERVICE_TOKEN: realToken, OPENAI_VERIFICATION_TOKEN: 'issued' };
    expect(loadConfig({ HOST: '0.0.0.0', ...real }).notices).toEqual([]);
  });
});
