import { translator } from '../../i18n';
import type { FollowUpRenderer } from '../../scheduler/handlers/outcomes';
import { submit } from '../shared/actions';
import { adaptiveCard, textBlock } from '../shared/elements';
import { entryText } from './words';

/** The leader's follow-up reminder: the employment's question with its two answers, or the group's ledger one tap away. */
export const followUpReminderMessage: FollowUpRenderer = ({ locale, group, payload, participant }) => {
  const t = translator(locale);
  if (payload.reason === 'employment' && participant) {
    const text = t('outcomes.remind.employment', { name: participant.displayName, entry: entryText(t, locale, participant.entry) });
    const answer = (stillEmployed: boolean) => ({ action: 'outcomes.followUp', groupId: group.groupId, userId: participant.userId, entryId: participant.entry.entryId, stillEmployed });
    return { text, cards: [adaptiveCard([textBlock(text)], [submit(t('outcomes.stillEmployed'), answer(true)), submit(t('outcomes.noLongerEmployed'), answer(false))])] };
  }
  const text = t(`outcomes.remind.${payload.reason === 'end4m' ? 'end4m' : 'end1m'}`, { group: group.name });
  return { text, cards: [adaptiveCard([textBlock(text)], [submit(t('outcomes.remind.open'), { action: 'outcomes.home', groupId: group.groupId })])] };
};
