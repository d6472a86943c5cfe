import { describe, expect, it } from 'vitest';
import { DEV, loadConfig, redirectUris } from './config';
import { demoUsers, parseDemoUsers } from './demo-users';

const PRODUCTION = {
  NODE_ENV: 'production',
  OAUTH_CLIENT_ID: 'openai-host',
  OAUTH_CLIENT_SECRET: 's'.repeat(40),
  OAUTH_PLUGIN_IDS: 'plugin-0123abcd',
  DEMO_USERS: 'carol:a-long-password-1',
  OPENAI_VERIFICATION_TOKEN: 'issued-by-the-host',
};

describe('todo-oauth configuration', () => {
  it('uses the documented development defaults and announces each by name, not by value', () => {
    const config = loadConfig({});
    expect(config.client).toEqual({
      id: DEV.clientId,
      secret: DEV.clientSecret,
      redirectUris: [
        'https://chat.openai.com/aip/plugin-dev/oauth/callback',
        'https://chatgpt.com/aip/plugin-dev/oauth/callback',
        'http://localhost:8976/oauth/callback',
      ],
    });
    expect([...config.users.keys()]).toEqual(['alice', 'bob']);
    const notices = config.notices.join('\n');
    for (const name of [
      'OAUTH_CLIENT_ID',
      'OAUTH_CLIENT_SECRET',
      'OAUTH_PLUGIN_IDS',
      'DEMO_USERS',
      'OPENAI_VERIFICATION_TOKEN',
    ]) {
      expect(notices).toContain(`\`${name}\``);
    }
    expect(notices).not.toContain(DEV.clientSecret);
    expect(config.port).toBe(5004);
  });

  it('builds the exact callbacks of both hosts for each plugin and GPT id, plus any extra URI', () => {
    const gpt = 'g-6aa75d9e076081918b49ba962297c64c';
    expect(
      redirectUris({ pluginIds: 'plugin-a', gptIds: gpt, extra: 'https://example.com/cb' }),
    ).toEqual([
      'https://chat.openai.com/aip/plugin-a/oauth/callback',
      'https://chatgpt.com/aip/plugin-a/oauth/callback',
      `https://chat.openai.com/aip/${gpt}/oauth/callback`,
      `https://chatgpt.com/aip/${gpt}/oauth/callback`,
      'https://example.com/cb',
    ]);
    expect(() => redirectUris({ pluginIds: '../evil' })).toThrow('`OAUTH_PLUGIN_IDS`');
    expect(() => redirectUris({ gptIds: 'plugin-a' })).toThrow('`OAUTH_GPT_IDS`: `plugin-a`');
    expect(() => redirectUris({ gptIds: 'g-a/../b' })).toThrow('`OAUTH_GPT_IDS`');
  });

  it("allows a GPT's two callbacks from OAUTH_GPT_IDS alone, in production too", () => {
    const config = loadConfig({
      ...PRODUCTION,
      OAUTH_PLUGIN_IDS: undefined,
      OAUTH_GPT_IDS: 'g-0123abcd',
    });
    expect(config.client.redirectUris).toEqual([
      'https://chat.openai.com/aip/g-0123abcd/oauth/callback',
      'https://chatgpt.com/aip/g-0123abcd/oauth/callback',
    ]);
  });

  it('starts in production with real values, announcing nothing', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.notices).toEqual([]);
    expect(config.client.redirectUris).toHaveLength(2);
  });

  it.each([
    ['OAUTH_CLIENT_ID', undefined, '`OAUTH_CLIENT_ID` must be set'],
    ['OAUTH_CLIENT_ID', DEV.clientId, '`OAUTH_CLIENT_ID` is the public development default'],
    ['OAUTH_CLIENT_SECRET', undefined, '`OAUTH_CLIENT_SECRET` must be set'],
    [
      'OAUTH_CLIENT_SECRET',
      DEV.clientSecret,
      '`OAUTH_CLIENT_SECRET` is the public development default',
    ],
    ['OAUTH_CLIENT_SECRET', 'too-short', '`OAUTH_CLIENT_SECRET` must be at least 32 characters'],
    [
      'OAUTH_PLUGIN_IDS',
      undefined,
      '`OAUTH_GPT_IDS`, `OAUTH_PLUGIN_IDS` or `OAUTH_REDIRECT_URIS` must be set',
    ],
    ['DEMO_USERS', undefined, '`DEMO_USERS` must be set'],
    ['DEMO_USERS', DEV.demoUsers, '`DEMO_USERS` is the public development default'],
    ['DEMO_USERS', 'carol:short', 'the password of `carol` must be at least 12 characters'],
    ['OPENAI_VERIFICATION_TOKEN', undefined, '`OPENAI_VERIFICATION_TOKEN` must be set'],
  ])('refuses to start in production when %s is %s', (name, value, message) => {
    expect(() => loadConfig({ ...PRODUCTION, [name]: value })).toThrow(message);
  });

  it('keeps its data in SQLite under DATA_DIR by default, and in Redis when REDIS_URL is set', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/todo-oauth' }).store).toEqual({
      kind: 'sqlite',
      dataDir: '/var/lib/todo-oauth',
    });
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).store).toEqual({
      kind: 'redis',
      url: 'redis://127.0.0.1:6379/2',
    });
    expect(() => loadConfig({ REDIS_URL: 'http://nope' })).toThrow('`REDIS_URL`');
  });

  it('refuses a plain-http redirect URI in production', () => {
    expect(() =>
      loadConfig({ ...PRODUCTION, OAUTH_REDIRECT_URIS: 'http://localhost:8976/oauth/callback' }),
    ).toThrow('must be https in production');
  });
});

describe('demo users', () => {
  it('parses name:password pairs, and says which entry is wrong without showing a password', () => {
    expect(parseDemoUsers('alice:pw:with:colons,bob:x')).toEqual(
      new Map([
        ['alice', 'pw:with:colons'],
        ['bob', 'x'],
      ]),
    );
    expect(() => parseDemoUsers('alice:secret-one,nocolon')).toThrow('`DEMO_USERS` entry 2');
    expect(() => parseDemoUsers('Alice:pw')).toThrow('entry 1');
    expect(() => parseDemoUsers('alice:one,alice:two')).toThrow('names `alice` twice');
    expect(() => parseDemoUsers('alice:secret-one,nocolon')).not.toThrow('secret-one');
  });

  it('signs in with the right password only', async () => {
    const users = demoUsers(new Map([['alice', 'alice-password']]));
    expect(await users.authenticate('alice', 'alice-password')).toBe('alice');
    expect(await users.authenticate('alice', 'alice-passwordX')).toBeUndefined();
    expect(await users.authenticate('alice', '')).toBeUndefined();
    expect(await users.authenticate('mallory', 'alice-password')).toBeUndefined();
  });
});
