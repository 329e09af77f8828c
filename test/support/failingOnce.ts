import { DomainError } from '../../src/domain/shared/errors';

/**
 * Real repositories with chosen calls made to fail as a store outage would (the call never reaches the
 * store). Only those calls are touched: every other call, and the repositories' logic, is production's.
 * One Faults counts the watched calls of every repository it wraps, in the order they happen.
 */
export class Faults {
  private watched: string[] = [];
  private failing = new Set<number>();
  private count = 0;
  private hits = 0;

  /** Call numbers `ns` (1-based, counted from now, across every wrapped repository) of `methods` fail with STORE_UNAVAILABLE. */
  failCalls(ns: number[], ...methods: string[]): void {
    this.watched = methods;
    this.failing = new Set(ns);
    this.count = 0;
    this.hits = 0;
  }

  failCall(n: number, ...methods: string[]): void {
    this.failCalls([n], ...methods);
  }

  /** Watched calls since the last failCall(s). */
  calls(): number {
    return this.count;
  }

  /** How many of the scripted failures have happened. */
  fired(): number {
    return this.hits;
  }

  wrap<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        return (...args: unknown[]) => {
          if (this.watched.includes(prop) && this.failing.has(++this.count)) {
            this.hits++;
            return Promise.reject(new DomainError('STORE_UNAVAILABLE'));
          }
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      },
    });
  }
}

/** One repository with its own Faults. */
export function failingOnce<T extends object>(target: T): T & { fail: Faults } {
  const fail = new Faults();
  const wrapped = fail.wrap(target);
  return new Proxy(wrapped, { get: (obj, prop, receiver) => (prop === 'fail' ? fail : Reflect.get(obj, prop, receiver)) }) as T & { fail: Faults };
}
