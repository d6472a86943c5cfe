import { describe, expect, it } from 'vitest';
import { childVitest } from '../test/child-vitest';
import { goodMcpPlugin } from '../test/fixtures/mcp-plugins';
import { describeMcpContract } from './describe-mcp-contract';

describeMcpContract('a plugin that serves its tools', { createApp: goodMcpPlugin });

describe('describeMcpContract on plugins whose tools break it', () => {
  it(
    'fails the check each one breaks, with the request, and passes the others',
    { timeout: 120_000 },
    async () => {
      const results = await childVitest('test/fixtures/vitest.broken-mcp.config.ts');
      const status = (suite: string, title: RegExp) =>
        results.find((r) => r.fullName.startsWith(suite) && title.test(r.title));
      const lenient = status('lenient', /getNotes: the tool accepts/);
      expect(lenient?.status).toBe('failed');
      expect(lenient?.failureMessages.join('\n')).toMatch(
        /REST answered 400, the tool accepted it/,
      );
      expect(status('lenient', /one tool per operation/)?.status).toBe('passed');
      expect(status('lenient', /unknown tool/)?.status).toBe('passed');
      const hidden = status('hidden', /one tool per operation/);
      expect(hidden?.status).toBe('failed');
      expect(hidden?.failureMessages.join('\n')).toMatch(/getNotes/);
    },
  );
});
