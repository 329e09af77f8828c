import type { JobHandler } from '../../jobs';
import { isResult, loadRoundJob, type ActivityJobDeps } from './common';

/** `activities.close`: the deadline has come; the result notices are planned by the close itself. */
export const closeHandler =
  (deps: ActivityJobDeps): JobHandler =>
  async (job) => {
    const loaded = await loadRoundJob(deps, job);
    if (isResult(loaded)) return loaded;
    const closed = await deps.rounds.closeAtDeadline(loaded.group.groupId, loaded.roundId);
    return closed ? { outcome: 'sent' } : { outcome: 'skipped', reason: 'already_closed' };
  };
