import { describe, expect, it } from 'vitest';
import { OriginGuard } from './origin-guard';

describe('OriginGuard', () => {
  it('allows loopback and refuses other hosts until they are typed in', () => {
    const guard = new OriginGuard();
    expect(guard.allows('http://localhost:5002/x')).toBe(true);
    expect(guard.allows('http://127.0.0.1:9/')).toBe(true);
    expect(guard.allows('http://[::1]:9/')).toBe(true);
    expect(guard.allows('https://plugin.example.com/openapi.yaml')).toBe(false);
    expect(guard.allows('http://localhost.example.com/')).toBe(false);
    guard.allowTyped('https://plugin.example.com/some/page');
    expect(guard.allows('https://plugin.example.com/openapi.yaml')).toBe(true);
    expect(guard.allows('http://plugin.example.com/')).toBe(false);
  });

  it('refuses non-http URLs with a 403 naming the field', () => {
    const guard = new OriginGuard();
    expect(() => guard.allowTyped('file:///etc/passwd')).toThrow(/`url` must be an http\(s\) URL/);
    expect(() => guard.check('https://elsewhere.example/')).toThrow(/not typed in/);
  });
});
