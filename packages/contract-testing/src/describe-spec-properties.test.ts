import { describe, expect, it } from 'vitest';
import { childVitest } from '../test/child-vitest';
import { goodPlugin } from '../test/fixtures/plugins';
import { shelfModel } from '../test/fixtures/shelf-model';
import { shelfPlugin } from '../test/fixtures/shelf-plugins';
import { describeSpecProperties } from './describe-spec-properties';

describeSpecProperties('a read-only plugin that keeps its spec', { createApp: goodPlugin });
describeSpecProperties('a writable plugin that keeps its spec', {
  createApp: () => shelfPlugin(),
  model: shelfModel,
});

// Per broken plugin (test/fixtures/broken.properties.ts), the properties that must fail and
// why; every other property of that plugin must pass, so each fails for its own reason.
const expectedFailures: [RegExp, RegExp][] = [
  [/^throws .* addBook:/, /answered 500 .*only a 2xx or a 4xx will do/],
  [/^hangs .* listBooks:/, /did not answer within 300 ms/],
  [/^text-errors .* listBooks:/, /answered 4\d\d text\/plain .*a 4xx must be JSON/],
  [/^text-errors .* addBook:/, /answered 4\d\d text\/plain .*a 4xx must be JSON/],
  [/^text-errors .* removeBook:/, /answered 4\d\d text\/plain .*a 4xx must be JSON/],
  [/^loses-writes .* model of its writes/, /contradicts the model|reads after the sequence/],
];

describe('describeSpecProperties on plugins that break the properties', () => {
  it(
    'fails the property each one breaks, with the request and the seed, and only that one',
    { timeout: 180_000 },
    async () => {
      const results = await childVitest('test/fixtures/vitest.broken-properties.config.ts');
      expect(results.length).toBe(13);
      for (const [name, reason] of expectedFailures) {
        const result = results.find((r) => name.test(r.fullName));
        expect(result?.status, String(name)).toBe('failed');
        const message = result?.failureMessages.join('\n');
        expect(message).toMatch(reason);
        expect(message).toMatch(/seed: -?\d+, path: "[\d:]+"/);
        expect(message).toMatch(/Counterexample: \[.*(GET|POST|DELETE) \/shelves\//);
      }
      const failed = results.filter((r) => r.status === 'failed').map((r) => r.fullName);
      expect(failed.length).toBe(expectedFailures.length);
    },
  );
});
