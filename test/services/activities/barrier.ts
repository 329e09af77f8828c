import { randomUUID } from 'node:crypto';
import { ProposalService, RoundService, type ActivityStore } from '../../../src/services/activities';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { makeWorld, memberIds } from '../../scheduler/support';

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

/** A group of four (see makeWorld) whose activity services use the store through a barrier, with proposals by the first member. */
export async function raceWorld(store: CosmosStore, titles: string[]) {
  const w = await makeWorld(store, '2026-12-01T08:00:00.000Z');
  const { groups, users, jobs, refs } = w.app.repositories;
  const barrier = withBarrier(w.app.repositories.activities);
  const rounds = new RoundService({ groups, users, store: barrier.store, jobs, refs }, w.clock);
  const proposals = new ProposalService({ groups, users, store: barrier.store }, rounds, w.clock);
  const ids: string[] = [];
  const demands = { effort: 'low', travel: 'local', cost: 'free' } as const;
  for (const title of titles) ids.push((await proposals.propose(memberIds[0], w.group.groupId, { title, demands }, randomUUID())).proposal.id);
  return { w, barrier, rounds, proposals, ids, demands };
}
