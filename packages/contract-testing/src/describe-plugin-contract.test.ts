import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { goodPlugin } from '../test/fixtures/plugins';
import { describePluginContract } from './describe-plugin-contract';

describePluginContract('a plugin that keeps the contract', { createApp: goodPlugin });

interface Report {
  testResults: {
    assertionResults: { title: string; status: string; failureMessages: string[] }[];
  }[];
}

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
    const output = join(mkdtempSync(join(tmpdir(), 'contract-')), 'report.json');
    const packageDir = new URL('..', import.meta.url).pathname;
    const vitest = join(packageDir, 'node_modules/.bin/vitest');
    const args = [
      'run',
      '--config',
      'test/fixtures/vitest.broken.config.ts',
      '--reporter=json',
      `--outputFile=${output}`,
    ];
    // The run is meant to fail: its exit status is not the point, its report is.
    await promisify(execFile)(vitest, args, { cwd: packageDir }).catch(() => undefined);
    const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
    const results = report.testResults.flatMap((file) => file.assertionResults);
    expect(results.length).toBe(expectedFailures.length);
    for (const [title, reason] of expectedFailures) {
      const result = results.find((r) => title.test(r.title));
      expect(result?.status, String(title)).toBe('failed');
      expect(result?.failureMessages.join('\n')).toMatch(reason);
    }
  });
});
