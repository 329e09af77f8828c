import type { JobHandler } from '../../jobs';
import { isResult, loadRoundJob, localeOf, sendToPerson, type ActivityJobDeps } from './common';

/** `activities.nudge`: one reminder to a participant who has not voted yet (no tick, no "none of these"); someone who voted is left alone. */
export const nudgeHandler =
  (deps: ActivityJobDeps): JobHandler =>
  async (job, { now }) => {
    const loaded = await loadRoundJob(deps, job);
    if (isResult(loaded)) return loaded;
    const userId = job.userId ?? '';
    const view = await deps.rounds.roundFor(userId, loaded.group.groupId, loaded.roundId).catch(() => undefined);
    if (!view || view.role !== 'participant') return { outcome: 'skipped', reason: 'not_in_group' };
    if (view.round.status !== 'open' || now.toISOString() >= view.round.deadline) return { outcome: 'skipped', reason: 'round_closed' };
    if (view.mine.length > 0 || view.noneForMe) return { outcome: 'skipped', reason: 'voted' };
    return sendToPerson(deps, userId, deps.renderer.render({ kind: 'nudge', locale: await localeOf(deps, loaded.group, userId), view, variant: 'submit' }));
  };
