import type { Operation } from '@repo/openapi';
import { responseSchemaProblem } from './response-schema';
import type { Answer } from './send-request';

const isString = (value: unknown) => typeof value === 'string';

/**
 * Why `answer` breaks the property every request must keep, or `undefined`: a 2xx the spec
 * documents, with a body matching its schema (or a documented event stream), or a 4xx whose
 * JSON body has `error` and `message` strings. Never a 5xx, a 1xx or a 3xx.
 * @example expect(answerProblem(operation, answer)).toBeUndefined();
 */
export function answerProblem(operation: Operation, answer: Answer): string | undefined {
  const { status, type } = answer;
  const said = `answered ${status} ${type || '(no content type)'} ${answer.text.slice(0, 160)}`;
  if (status >= 400 && status < 500) {
    if (type !== 'application/json') return `${said}: a 4xx must be JSON`;
    const body = answer.body as { error?: unknown; message?: unknown } | null;
    if (!isString(body?.error) || !isString(body?.message)) {
      return `${said}: a 4xx body needs \`error\` and \`message\` strings`;
    }
    return undefined;
  }
  if (status < 200 || status >= 300) return `${said}: only a 2xx or a 4xx will do`;
  const content = (operation.responses[String(status)] as { content?: object } | undefined)
    ?.content;
  if (type === 'text/event-stream' && content && 'text/event-stream' in content) return undefined;
  if (type !== 'application/json') return `${said}: a 2xx must be JSON`;
  const problem = responseSchemaProblem(operation, status, answer.body);
  return problem && `${said}: ${problem}`;
}
