import { messagePayload, replyPayload, retryPayload, sendPayload, type AlertFeedbackPayload } from '../../src/cards/leader';
import { tOf, userIdOf } from '../shared/context';
import { dialogAction, formAnswer, handler, type ActionTurn, type CardRoute, type MenuEntry } from '../shared/routes';
import type { RouterDeps } from '../shared/context';
import { GuidanceDialogIds, guidanceErrorText, MessageParticipantDialog, type GuidanceOptions } from './messageParticipant';

/**
 * Private guidance: "Message a participant" (leaders), "Answer" on a message that arrived (either of
 * the two), "Try again" on one that did not. Personal chat only: none of it is open in a group chat.
 */
export const guidanceDialogs = [(deps: RouterDeps) => new MessageParticipantDialog(deps)];

export const guidanceActions: readonly CardRoute[] = [
  dialogAction({
    action: 'leader.message',
    schema: messagePayload,
    roles: ['leader'],
    keywords: { fi: ['viesti', 'viesti osallistujalle'], sv: ['meddelande', 'meddelande till deltagare'], en: ['message', 'message a participant'] },
    dialog: GuidanceDialogIds.write,
    options: (p): GuidanceOptions => ({ mode: 'leader', ...(p.groupId ? { groupId: p.groupId } : {}), ...(p.userId ? { userId: p.userId } : {}) }),
  }),
  dialogAction({
    action: 'leader.reply',
    schema: replyPayload,
    roles: ['participant'],
    dialog: GuidanceDialogIds.write,
    options: (p): GuidanceOptions => ({ mode: 'participant', messageId: p.messageId }),
  }),
  formAnswer({ action: 'leader.send', schema: sendPayload, roles: ['leader', 'participant'] }),
  handler({
    action: 'leader.retry',
    schema: retryPayload,
    roles: ['leader', 'participant'],
    inPassing: true,
    handle: async (turn, p, deps) => {
      const t = tOf(turn.context);
      try {
        await deps.guidance.retry(turn.userId, p.participantId, p.messageId);
        await turn.context.sendActivity(t('leader.guidance.retrying'));
      } catch (e) {
        await turn.context.sendActivity(guidanceErrorText(t, e));
      }
    },
  }),
];

export const guidanceMenu: readonly MenuEntry[] = [{ action: 'leader.message', section: 'tools', order: 10, visible: (v) => !v.inGroupChat && v.leadsGroups }];

/** "I'll reach out" on an alert: recorded as today (the answer and the contact), then the message to that person opens. */
export async function reachOut(turn: ActionTurn, p: AlertFeedbackPayload, deps: RouterDeps): Promise<void> {
  const { alert, name } = await deps.leader.feedback(userIdOf(turn.context), p.groupId, p.alertId, p.answer);
  await turn.context.sendActivity(tOf(turn.context)('leader.feedback.reach_out', { name }));
  // Whatever form was open gives way to the message (the alert's buttons are answered in passing).
  await turn.dc.cancelAllDialogs();
  await turn.dc.beginDialog(GuidanceDialogIds.write, { mode: 'leader', groupId: alert.groupId, userId: alert.userId } satisfies GuidanceOptions);
}
