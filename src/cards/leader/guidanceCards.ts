import type { Group } from '../../domain/groups';
import { maxGuidanceChars, type GuidanceMessage } from '../../domain/leader';
import { translator, type Translate } from '../../i18n';
import type { GuidanceRenderer, IncomingRequest, UndeliveredRequest } from '../../services/leader';
import type { OutboundMessage } from '../../services/shared/ports';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, problem, textBlock } from '../shared/elements';

/** Who is writing and to whom, as the write form says it. */
export interface WriteFormView {
  /** The leader writes to `name`; the participant answers their leader. */
  to: { kind: 'participant'; name: string } | { kind: 'leader' };
  group: Group;
  /** Earlier messages of the thread, oldest first (the leader's form only). */
  earlier?: readonly GuidanceMessage[];
  error?: string;
}

function earlierLine(t: Translate, m: GuidanceMessage, name: string): string {
  const who = m.from === 'leader' ? t('leader.guidance.you') : name;
  return `${who}: ${m.text}${m.status === 'undelivered' ? t('leader.guidance.lineUndelivered') : ''}`;
}

/** The form: a heading that names the other person, who sees it, the earlier messages, one text box. */
export function writeCard(t: Translate, view: WriteFormView) {
  const leaderWrites = view.to.kind === 'participant';
  const name = view.to.kind === 'participant' ? view.to.name : '';
  const earlier = view.earlier ?? [];
  return adaptiveCard(
    [
      heading(leaderWrites ? t('leader.guidance.writeTitle', { name }) : t('leader.guidance.replyTitle')),
      textBlock(leaderWrites ? t('leader.guidance.privateNote', { group: view.group.name, name }) : t('leader.guidance.replyNote', { group: view.group.name }), { isSubtle: true, spacing: 'None' }),
      ...(earlier.length > 0 ? [textBlock(t('leader.guidance.earlier'), { weight: 'Bolder' }), ...earlier.map((m) => textBlock(earlierLine(t, m, name), { spacing: 'None' }))] : []),
      ...problem(view.error),
      { type: 'Input.Text', id: 'text', label: t('leader.guidance.textLabel'), isMultiline: true, maxLength: maxGuidanceChars },
      textBlock(t('leader.guidance.typeHint', { max: maxGuidanceChars }), { isSubtle: true }),
    ],
    [submit(t('leader.guidance.send'), { action: 'leader.send' })],
  );
}

/** What arrives: who wrote, the group, the text, and "Answer". */
export function incomingCard(t: Translate, { group, message, fromName }: Omit<IncomingRequest, 'kind' | 'locale'>) {
  const title =
    message.from === 'leader'
      ? fromName ? t('leader.guidance.fromLeader', { name: fromName }) : t('leader.guidance.fromLeaderUnnamed')
      : t('leader.guidance.fromParticipant', { name: fromName ?? '' });
  const answer = message.from === 'leader' ? { action: 'leader.reply', messageId: message.id } : { action: 'leader.message', groupId: group.groupId, userId: message.userId };
  return adaptiveCard(
    [heading(title), textBlock(t('leader.guidance.incomingNote', { group: group.name }), { isSubtle: true, spacing: 'None' }), textBlock(message.text)],
    [submit(t('leader.guidance.answer'), answer)],
    { speak: title },
  );
}

/** Told to the sender: not delivered, why in words, the text kept, and "Try again". */
export function undeliveredCard(t: Translate, { message, reason, toName }: Omit<UndeliveredRequest, 'kind' | 'locale' | 'group'>) {
  const title =
    message.from === 'participant' ? t('leader.guidance.undeliveredToLeader') : toName ? t('leader.guidance.undeliveredTitle', { name: toName }) : t('leader.guidance.undeliveredUnnamed');
  return adaptiveCard(
    [heading(title), textBlock(t(`leader.guidance.reason.${reason}`)), textBlock(message.text, { isSubtle: true }), textBlock(t(reason === 'left_group' ? 'leader.guidance.keptClosed' : 'leader.guidance.kept'))],
    reason === 'left_group' ? [] : [submit(t('leader.guidance.retry'), { action: 'leader.retry', participantId: message.userId, messageId: message.id })],
    { speak: title },
  );
}

export const guidanceRenderer: GuidanceRenderer = {
  render(request): OutboundMessage {
    const t = translator(request.locale);
    const card = request.kind === 'incoming' ? incomingCard(t, request) : undeliveredCard(t, request);
    return { text: (card as { speak?: string }).speak, cards: [card] };
  },
};
