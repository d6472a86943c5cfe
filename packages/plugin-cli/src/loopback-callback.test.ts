import { describe, expect, it } from 'vitest';
import { listenForCallback } from './loopback-callback';

describe('listenForCallback', () => {
  it('hands over the callback of a browser that came back before `wait` was called', async () => {
    const callback = await listenForCallback();
    try {
      expect(callback.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      const page = fetch(`${callback.redirectUri}?code=c1&state=s1`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const params = await callback.wait('s1', { timeoutMs: 2_000 });
      expect(params.get('code')).toBe('c1');
      expect(await (await page).text()).toBe('signed in: you can close this window');
    } finally {
      callback.close();
    }
  });

  it('answers 404 off the redirect path and keeps waiting for the callback', async () => {
    const callback = await listenForCallback('http://127.0.0.1:0/oauth/back');
    try {
      const waiting = callback.wait('s1', { timeoutMs: 2_000 });
      const base = new URL(callback.redirectUri);
      expect(callback.redirectUri).toMatch(/\/oauth\/back$/);
      expect((await fetch(new URL('/favicon.ico', base))).status).toBe(404);
      void fetch(`${callback.redirectUri}?code=c2&state=s1`);
      expect((await waiting).get('code')).toBe('c2');
    } finally {
      callback.close();
    }
  });

  it('refuses a redirect URI off loopback or not http', async () => {
    for (const uri of ['http://example.com/cb', 'https://127.0.0.1/cb'])
      await expect(listenForCallback(uri)).rejects.toThrow('must be http on loopback');
  });
});
