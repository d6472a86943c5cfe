import { describe, expect, it } from 'vitest';
import { childVitest } from '../test/child-vitest';
import { goodPlugin } from '../test/fixtures/plugins';
import { describePluginContract } from './describe-plugin-contract';

describePluginContract('a plugin that keeps the contract', { createApp: goodPlugin });

// Each check must fail for its own reason, not because a shared set-up step crashed.
const expectedFailures: [RegExp, RegExp][] = [
  [/serves a valid manifest/, /elsewhere\.example\/openapi\.yaml/],
  [/serves a valid spec/, /stale|deeply equal/],
  [/routes every operation/, /GET \/admin/],
  [/example call/, /getNotes: data\/notes\/0 must be string/],
  [/logo/, /width: 16/],
  [/cross-origin/, /expected '\*' to be 'https:\/\/chat\.openai\.com'/],
  [/unknown path/, /route_not_found/],
];

describe('describePluginContract on a plugin that breaks every clause', () => {
  it('fails each of its checks', { timeout: 60_000 }, async () => {
    const results = await childVitest('test/fixtures/vitest.broken.config.ts');
    expect(results.length).toBe(expectedFailures.length);
    for (const [title, reason] of expectedFailures) {
      const result = results.find((r) => title.test(r.title));
      expect(result?.status, String(title)).toBe('failed');
      expect(result?.failureMessages.join('\n')).toMatch(reason);
    }
  });
});
