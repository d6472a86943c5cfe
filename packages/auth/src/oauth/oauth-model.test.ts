import { randomBytes } from 'node:crypto';
import type OAuth2Server from '@node-oauth/oauth2-server';
import { describe, expect, it } from 'vitest';
import { RecordingStore } from '../../test/recording-store';
import { Clients } from './clients';
import { oauthModel, type GrantUser } from './oauth-model';
import { StoreOAuthStore } from './store-oauth-store';

const CLIENT = { id: 'host', secret: 'host-secret', redirectUris: ['https://host.test/cb'] };
const LIB_CLIENT = { id: CLIENT.id, grants: ['authorization_code', 'refresh_token'] };
const secret = () => randomBytes(32).toString('hex');

function model() {
  const store = new RecordingStore();
  const oauth = new StoreOAuthStore(store, { prefix: 'app', longestLifetimeMs: 3600_000 });
  const lifetimes = { code: 300, access: 3600, refresh: 3600 };
  return {
    store,
    model: oauthModel({
      clients: new Clients(CLIENT, store, 'app', { unusedTtlMs: 60_000, usedTtlMs: 3600_000 }),
      store: oauth,
      scopes: ['todos'],
      now: Date.now,
      lifetimes,
    }),
  };
}

// A code as the library hands it to the model, for `alice`; resolves to the model's record of it.
async function issueCode(m: ReturnType<typeof model>['model'], authorizationCode = secret()) {
  const code = {
    authorizationCode,
    expiresAt: new Date(),
    redirectUri: CLIENT.redirectUris[0]!,
    scope: ['todos'],
  };
  await m.saveAuthorizationCode(code, LIB_CLIENT, { username: 'alice' });
  return (await m.getAuthorizationCode(authorizationCode)) as OAuth2Server.AuthorizationCode;
}

describe('oauthModel', () => {
  it('hands the store only hashes: no key or value holds a code or token as issued', async () => {
    const { store, model: m } = model();
    const code = secret();
    const found = await issueCode(m, code);
    const token = { accessToken: secret(), refreshToken: secret(), scope: ['todos'] };
    await m.saveToken(token as OAuth2Server.Token, LIB_CLIENT, found.user as GrantUser);
    expect(await m.getAccessToken(token.accessToken)).toMatchObject({ scope: ['todos'] });
    const written = store.everything();
    expect(store.writes.length).toBeGreaterThan(0);
    for (const raw of [code, token.accessToken, token.refreshToken])
      expect(written).not.toContain(raw);
  });

  it('lets one of two concurrent redemptions of a code win, and revokes the grant for the loser', async () => {
    const { model: m } = model();
    const code = await issueCode(m);
    // Both looked the code up before either spent it, as two instances would.
    const again = (await m.getAuthorizationCode(
      code.authorizationCode,
    )) as OAuth2Server.AuthorizationCode;
    const [first, second] = await Promise.all([
      m.revokeAuthorizationCode(code),
      m.revokeAuthorizationCode(again),
    ]);
    expect([first, second].sort()).toEqual([false, true]);
    const token = { accessToken: secret(), scope: ['todos'] };
    await m.saveToken(token as OAuth2Server.Token, LIB_CLIENT, code.user as GrantUser);
    expect(await m.getAccessToken(token.accessToken)).toBeNull();
  });
});
