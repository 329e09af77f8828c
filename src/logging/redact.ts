import { createHmac, randomBytes } from 'node:crypto';

/**
 * Logs carry no user id, name or text. Where a line must be correlated (the same job or person across
 * lines), it carries a short keyed hash: HMAC-SHA256 with the deployment's LOG_HASH_KEY, cut to 12 hex
 * characters. Without a key a random one is made per process: lines of one process still correlate,
 * but nobody (not even with the logs and a list of user ids) can tell whose they are, and a restart
 * changes every hash.
 */
export interface LogHasher {
  (value: string): string;
  /** 'configured' (LOG_HASH_KEY) or 'random' (made for this process). */
  readonly keySource: 'configured' | 'random';
}

export function logHasher(key?: string): LogHasher {
  const secret = key ?? randomBytes(32).toString('hex');
  const hash = (value: string) => createHmac('sha256', secret).update(value).digest('hex').slice(0, 12);
  return Object.assign(hash, { keySource: key ? ('configured' as const) : ('random' as const) });
}

/**
 * An error as it may be logged: its name, code and where it was thrown, never its message (a message
 * can quote a document id, a user id or what someone typed).
 */
export function errorForLog(e: unknown): { name?: string; code?: unknown; status?: unknown; stack?: string } {
  if (typeof e !== 'object' || e === null) return { name: typeof e };
  const err = e as { name?: unknown; code?: unknown; statusCode?: unknown; stack?: unknown };
  const frames = typeof err.stack === 'string' ? err.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n') : undefined;
  return {
    name: typeof err.name === 'string' ? err.name : undefined,
    ...(err.code !== undefined && (typeof err.code === 'string' || typeof err.code === 'number') ? { code: err.code } : {}),
    ...(typeof err.statusCode === 'number' ? { status: err.statusCode } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}
