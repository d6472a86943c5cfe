import { describe, expect, it } from 'vitest';
import { TOKEN_PATH } from '@repo/auth';
import { FakeHost, testApp } from '../test/fake-host';
import { loadConfig } from './config';

// A GPT's callback, as the GPT editor shows it: the GPT's id in the host's `/aip/` path.
const GPT_ID = 'g-6aa75d9e076081918b49ba962297c64c';
const CALLBACK = `https://chat.openai.com/aip/${GPT_ID}/oauth/callback`;
const { client } = loadConfig({ OAUTH_GPT_IDS: GPT_ID });

/**
 * What a GPT Action sends to the token URL: a form, with the client in it ("Default (POST
 * request)", RFC 6749 §2.3.1 `client_secret_post`) or in HTTP Basic ("Basic authorization
 * header", `client_secret_basic`: id and secret form-encoded, then base64).
 */
function actionToken(host: FakeHost, method: 'post' | 'basic', params: Record<string, string>) {
  const call = host.server.post(TOKEN_PATH).set('Accept', 'application/json').type('form');
  if (method === 'post') {
    const body = { ...params, client_id: client.id, client_secret: client.secret };
    return call.send(new URLSearchParams(body).toString());
  }
  const pair = `${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`;
  const basic = `Basic ${Buffer.from(pair).toString('base64')}`;
  return call.set('Authorization', basic).send(new URLSearchParams(params).toString());
}

describe.each(['post', 'basic'] as const)('a GPT Action, token exchange method %s', (method) => {
  it('signs in through the form, redeems the code, calls the API and refreshes', async () => {
    const host = new FakeHost(await testApp({ client }));
    // Actions send no PKCE; the scope is what the builder typed in.
    const back = await host.consent('alice', { client_id: client.id, redirect_uri: CALLBACK });
    expect(back.origin + back.pathname).toBe(CALLBACK);
    expect(back.searchParams.get('state')).toBe('state-1');

    const token = await actionToken(host, method, {
      grant_type: 'authorization_code',
      code: back.searchParams.get('code')!,
      redirect_uri: CALLBACK,
    });
    expect(token.status).toBe(200);
    expect(token.headers['cache-control']).toBe('no-store');
    expect(token.body).toMatchObject({ token_type: 'Bearer', scope: 'todos:read todos:write' });
    const added = await host.api('post', '/todos', token.body.access_token).send({ todo: 'GPT' });
    expect(added.status).toBe(201);

    const renewed = await actionToken(host, method, {
      grant_type: 'refresh_token',
      refresh_token: token.body.refresh_token,
    });
    expect(renewed.status).toBe(200);
    expect((await host.api('get', '/todos', renewed.body.access_token)).body).toEqual({
      todos: ['GPT'],
    });
  });

  it('refuses the wrong secret', async () => {
    const host = new FakeHost(await testApp({ client: { ...client, secret: 'another-secret' } }));
    const back = await host.consent('alice', { client_id: client.id, redirect_uri: CALLBACK });
    const res = await actionToken(host, method, {
      grant_type: 'authorization_code',
      code: back.searchParams.get('code')!,
      redirect_uri: CALLBACK,
    });
    expect(res.body.error).toBe('invalid_client');
  });
});

it('takes HTTP Basic with the client id repeated in the form, as some clients send it', async () => {
  const host = new FakeHost(await testApp({ client }));
  const back = await host.consent('alice', { client_id: client.id, redirect_uri: CALLBACK });
  const res = await actionToken(host, 'basic', {
    grant_type: 'authorization_code',
    code: back.searchParams.get('code')!,
    redirect_uri: CALLBACK,
    client_id: client.id,
  });
  expect(res.status).toBe(200);
});

it('refuses a form whose client_id is not the client HTTP Basic authenticates', async () => {
  const host = new FakeHost(await testApp({ client }));
  const back = await host.consent('alice', { client_id: client.id, redirect_uri: CALLBACK });
  const res = await actionToken(host, 'basic', {
    grant_type: 'authorization_code',
    code: back.searchParams.get('code')!,
    redirect_uri: CALLBACK,
    client_id: 'another-client',
  });
  expect(res.status).toBe(400);
  expect(res.body.error).toBe('invalid_request');
});

it('refuses a callback of another GPT', async () => {
  const host = new FakeHost(await testApp({ client }));
  const other = CALLBACK.replace(GPT_ID, 'g-0000000000000000');
  const page = await host.authorize({ client_id: client.id, redirect_uri: other });
  expect(page.status).toBe(400);
  expect(page.headers.location).toBeUndefined();
});
