/** Why an upstream call failed, each kind with the status the plugin answers with. */
export type UpstreamFailure = 'unavailable' | 'status' | 'bad_response' | 'timeout';

const CODES: Record<UpstreamFailure, string> = {
  unavailable: 'upstream_unavailable',
  status: 'upstream_error',
  bad_response: 'upstream_bad_response',
  timeout: 'upstream_timeout',
};

/**
 * An upstream call that did not give a usable answer. `status` is what the plugin answers: 504
 * when the upstream was too slow, 502 for everything else (it could not be reached, it answered
 * with an error status, or its answer was not the JSON expected). `reason` is a phrase that
 * follows "the upstream …", free of secrets (never a header, never the API key).
 */
export class UpstreamError extends Error {
  readonly status: 502 | 504;
  readonly code: string;

  constructor(
    readonly kind: UpstreamFailure,
    readonly reason: string,
    readonly extra: { upstreamStatus?: number; retryAfter?: string; cause?: unknown } = {},
  ) {
    super(`upstream ${reason}`, { cause: extra.cause });
    this.name = 'UpstreamError';
    this.status = kind === 'timeout' ? 504 : 502;
    this.code = CODES[kind];
  }

  static timeout(ms: number): UpstreamError {
    return new UpstreamError('timeout', `did not answer within ${ms} ms`);
  }

  static unavailable(cause: unknown): UpstreamError {
    const code = networkCode(cause);
    return new UpstreamError('unavailable', `could not be reached${code ? ` (${code})` : ''}`, {
      cause,
    });
  }

  static status(status: number, retryAfter: string | null): UpstreamError {
    const reason =
      status === 401 || status === 403
        ? `refused the API key (HTTP ${status})`
        : status === 429
          ? `is limiting how often it is called (HTTP 429)`
          : status >= 300 && status < 400
            ? `answered with a redirect (HTTP ${status}); check the upstream URL`
            : `answered HTTP ${status}`;
    return new UpstreamError('status', reason, {
      upstreamStatus: status,
      ...(retryAfter && /^\d{1,6}$/.test(retryAfter) ? { retryAfter } : {}),
    });
  }

  static badResponse(reason: string, cause?: unknown): UpstreamError {
    return new UpstreamError('bad_response', reason, { cause });
  }
}

// The socket's error carries the code (`ECONNREFUSED`); a wrapped one has it in its `cause`.
function networkCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
