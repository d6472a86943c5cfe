import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The `--json` command as the READMEs print it, run the way a user runs it: through pnpm, whose
// banner (`> ai-plugins@ plugin …`) would come first on stdout without `-s`.
const ROOT = new URL('../../../', import.meta.url).pathname;
const GOOD = new URL('../test/fixtures/good/', import.meta.url).pathname;
const READMES = ['README.md', 'packages/plugin-cli/README.md'];

describe('the documented --json command', () => {
  it('is written `pnpm -s plugin` in every README that shows it', () => {
    const lines = READMES.flatMap((file) =>
      readFileSync(ROOT + file, 'utf8')
        .split('\n')
        // `lint --json` prints JSON; `mcp call --json` takes the arguments as JSON instead.
        .filter((line) => /^pnpm .*plugin lint .*--json/.test(line)),
    );
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^pnpm -s plugin /);
  });

  it('prints JSON that parses, and nothing before it', async () => {
    const { stdout } = await promisify(execFile)('pnpm', ['-s', 'plugin', 'lint', GOOD, '--json'], {
      cwd: ROOT,
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toMatchObject({ errors: 0, findings: [] });
  }, 70_000);
});
