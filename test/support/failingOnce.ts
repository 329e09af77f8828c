import { DomainError } from '../../src/domain/shared/errors';

export interface FailSwitch {
  /** The next call number `n` (1-based, counted from now) of one of `methods` fails with STORE_UNAVAILABLE. */
  failCall(n: number, ...methods: string[]): void;
  /** Calls of the watched methods since the last failCall (or since the start). */
  calls(): number;
  /** Whether the scripted failure has happened. */
  fired(): boolean;
}

/**
 * The real repository, with one call made to fail as a store outage would (nothing of it reaches the
 * store). Only that call is touched: every other call, and the repository's logic, is the production one.
 */
export function failingOnce<T extends object>(target: T): T & { fail: FailSwitch } {
  let watched: string[] = [];
  let count = 0;
  let failAt = 0;
  let fired = false;
  const fail: FailSwitch = {
    failCall(n, ...methods) {
      watched = methods;
      count = 0;
      failAt = n;
      fired = false;
    },
    calls: () => count,
    fired: () => fired,
  };
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === 'fail') return fail;
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        if (watched.includes(prop)) {
          count++;
          if (count === failAt) {
            fired = true;
            return Promise.reject(new DomainError('STORE_UNAVAILABLE'));
          }
        }
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  }) as T & { fail: FailSwitch };
}
