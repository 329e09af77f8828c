import type { ActivityStore } from '../../../src/services/activities';

/**
 * The real Cosmos repository behind the port, with a barrier: `after(method, step)` runs `step` once, right
 * after the next call of `method` has returned and before its caller goes on. Two operations interleave
 * exactly where the test says, without sleeping.
 */
export function withBarrier(store: ActivityStore) {
  const steps = new Map<string, () => Promise<void>>();
  const wrapped = new Proxy(store, {
    get(target, name: string) {
      const member = (target as unknown as Record<string, unknown>)[name];
      if (typeof member !== 'function') return member;
      return async (...args: unknown[]) => {
        const result = await (member as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        const step = steps.get(name);
        if (step) {
          steps.delete(name);
          await step();
        }
        return result;
      };
    },
  });
  return { store: wrapped, after: (method: keyof ActivityStore, step: () => Promise<void>) => void steps.set(method, step) };
}
