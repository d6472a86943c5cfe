import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface TestResult {
  fullName: string;
  title: string;
  status: string;
  failureMessages: string[];
}

interface Report {
  testResults: { assertionResults: TestResult[] }[];
}

/**
 * Runs vitest on `config` in a child process (a suite meant to fail) and resolves to each test's
 * result, read from its JSON report: the exit status is not the point, the report is.
 */
export async function childVitest(config: string): Promise<TestResult[]> {
  const output = join(mkdtempSync(join(tmpdir(), 'contract-')), 'report.json');
  const packageDir = new URL('..', import.meta.url).pathname;
  const vitest = join(packageDir, 'node_modules/.bin/vitest');
  const args = ['run', '--config', config, '--reporter=json', `--outputFile=${output}`];
  await promisify(execFile)(vitest, args, { cwd: packageDir }).catch(() => undefined);
  const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
  return report.testResults.flatMap((file) => file.assertionResults);
}
