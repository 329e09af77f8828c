import type { JobHandler } from '../../jobs';
import { isChatRecipient, isResult, loadRoundJob, localeOf, sendToChat, sendToPerson, type ActivityJobDeps } from './common';

/**
 * `activities.announce`: the opened round, once to the linked group chat (a shared Action.Execute card
 * that each member's Teams refreshes to their own view) or to one member's personal chat (Action.Submit).
 */
export const announceHandler =
  (deps: ActivityJobDeps): JobHandler =>
  async (job) => {
    const loaded = await loadRoundJob(deps, job);
    if (isResult(loaded)) return loaded;
    const { group, roundId } = loaded;
    const recipient = job.userId ?? '';
    if (isChatRecipient(recipient)) {
      const view = await deps.rounds.publicView(group, roundId);
      if (!view || view.round.status !== 'open') return { outcome: 'skipped', reason: 'round_closed' };
      const message = deps.renderer.render({ kind: 'announce', locale: group.locale, view, variant: 'execute', refreshUserIds: await deps.rounds.refreshUserIds(group) });
      return sendToChat(deps, recipient, message);
    }
    const view = await deps.rounds.roundFor(recipient, group.groupId, roundId).catch(() => undefined);
    if (!view) return { outcome: 'skipped', reason: 'not_in_group' };
    if (view.round.status !== 'open') return { outcome: 'skipped', reason: 'round_closed' };
    return sendToPerson(deps, recipient, deps.renderer.render({ kind: 'announce', locale: await localeOf(deps, group, recipient), view, variant: 'submit' }));
  };
