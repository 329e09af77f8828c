import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { refreshPayload, votePayload } from '../../src/cards/activities/actions';
import { roundCard } from '../../src/cards/activities/round';
import type { RoundView } from '../../src/services/activities';
import { translator } from '../../src/i18n';
import { localeOf, tOf, userIdOf } from '../shared/context';
import { activityErrorText, type ActivitiesDeps } from './deps';

const invokeData = z.union([votePayload, refreshPayload]);
const cardType = 'application/vnd.microsoft.card.adaptive';

const message = (text: string): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as never });

/**
 * Teams' Action.Execute in a linked group chat (the user-specific-views pattern): each person's client
 * asks for its own view (`activities.refresh`) or votes (`activities.vote`), and gets back the round card
 * with their own ticks and private notes. A vote also redraws the shared card with a new revision, so the
 * others' clients fetch the new counts.
 */
export class ActivityInvokes {
  constructor(private readonly deps: ActivitiesDeps) {}

  async onAdaptiveCardAction(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const t = tOf(context);
    const parsed = invokeData.safeParse({ ...(value?.action?.data as object), action: value?.action?.verb });
    if (!parsed.success) return message(t('errors.STALE_CARD'));
    const data = parsed.data;
    const userId = userIdOf(context);
    const rounds = this.deps.activities.rounds;
    try {
      let view: RoundView | undefined;
      if (data.action === 'activities.vote') {
        view = await rounds.castVote(userId, data.groupId, data.roundId, data.proposalId, data.approve);
        await this.redrawShared(context, view);
      } else {
        view = await rounds.roundFor(userId, data.groupId, data.roundId);
      }
      if (!view) return message(t('activities.errors.ROUND_NOT_FOUND'));
      const userIds = await rounds.refreshUserIds(view.group);
      return { statusCode: 200, type: cardType, value: roundCard(t, localeOf(context), view, 'execute', { refreshUserIds: userIds }) as never };
    } catch (e) {
      return message(activityErrorText(t, e));
    }
  }

  /** The shared card everyone sees before their own view loads: counts only, in the group's language. */
  private async redrawShared(context: TurnContext, view: RoundView) {
    const messageId = context.activity.replyToId;
    if (!messageId) return;
    const shared = await this.deps.activities.rounds.publicView(view.group, view.round.id);
    if (!shared) return;
    const userIds = await this.deps.activities.rounds.refreshUserIds(view.group);
    const card = roundCard(translator(view.group.locale), view.group.locale, shared, 'execute', { refreshUserIds: userIds });
    await context.updateActivity({ id: messageId, type: 'message', attachments: [{ contentType: cardType, content: card }] }).catch(() => undefined);
  }
}
