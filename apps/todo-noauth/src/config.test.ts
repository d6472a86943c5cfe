import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, loadConfig } from './config';

describe('loadConfig', () => {
  it('listens on 5002 by default', () => {
    expect(DEFAULT_PORT).toBe(5002);
    expect(loadConfig({}).port).toBe(5002);
  });

  it('stops start-up on a bad PUBLIC_BASE_URL, naming it', () => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'localhost:5002' })).toThrow(/PUBLIC_BASE_URL/);
  });
});
