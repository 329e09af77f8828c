import type { JobHandler } from '../../jobs';
import { isChatRecipient, isResult, loadRoundJob, localeOf, sendToChat, sendToPerson, type ActivityJobDeps } from './common';

/** `activities.result`: the counts and the winner (or the tie and its rule) to one person or the linked chat. */
export const resultHandler =
  (deps: ActivityJobDeps): JobHandler =>
  async (job) => {
    const loaded = await loadRoundJob(deps, job);
    if (isResult(loaded)) return loaded;
    const { group, roundId } = loaded;
    const recipient = job.userId ?? '';
    if (isChatRecipient(recipient)) {
      const view = await deps.rounds.publicView(group, roundId);
      if (!view) return { outcome: 'skipped', reason: 'round_not_found' };
      return sendToChat(deps, recipient, deps.renderer.render({ kind: 'result', locale: group.locale, view, variant: 'execute' }));
    }
    const view = await deps.rounds.roundFor(recipient, group.groupId, roundId).catch(() => undefined);
    if (!view) return { outcome: 'skipped', reason: 'not_in_group' };
    return sendToPerson(deps, recipient, deps.renderer.render({ kind: 'result', locale: await localeOf(deps, group, recipient), view, variant: 'submit' }));
  };
