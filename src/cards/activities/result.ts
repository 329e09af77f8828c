import type { Locale } from '../../domain/shared/locale';
import type { RoundView } from '../../services/activities';
import type { Translate } from '../../i18n';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { button, type CardVariant } from './round';

/** The result with every count; a tie says the rule, and the leader gets the tied ones to pick from, then "Schedule it". */
export function resultCard(t: Translate, _locale: Locale, view: RoundView, variant: CardVariant) {
  const { round, group } = view;
  const title = (id: string) => round.entries.find((e) => e.proposalId === id)?.title ?? '';
  const counts = round.counts ?? view.counts;
  const leaders = round.leaders ?? [];
  const body: object[] = [heading(t('activities.result.heading'))];
  if (round.closedBecause) body.push(textBlock(t(`activities.result.because.${round.closedBecause}`), { isSubtle: true }));
  for (const e of round.entries) body.push(textBlock(`${e.title}: ${t('activities.round.count', { count: counts[e.proposalId] ?? 0 })}`));
  const actions: object[] = [];
  if (round.winnerId && round.pickedByLeader) body.push(textBlock(t('activities.result.picked', { title: title(round.winnerId) }), { weight: 'Bolder' }));
  else if (round.winnerId) body.push(textBlock(t('activities.result.winner', { title: title(round.winnerId), count: counts[round.winnerId] ?? 0 }), { weight: 'Bolder' }));
  else {
    body.push(textBlock(t('activities.result.tie', { titles: leaders.map((id) => `"${title(id)}"`).join(', ') }), { weight: 'Bolder' }));
    if (view.viewerId && view.role === 'leader') {
      body.push(textBlock(t('activities.result.tieLeader')));
      for (const id of leaders) actions.push(button(variant, t('activities.result.pick', { title: title(id) }), { action: 'activities.pick', groupId: group.groupId, roundId: round.id, proposalId: id }));
    }
  }
  if (round.winnerId && view.viewerId && view.role === 'leader' && !round.scheduledMeetingId) {
    body.push(textBlock(t('activities.result.scheduleHint'), { isSubtle: true }));
    // The meeting form is a conversation of its own: always a personal-chat button.
    actions.push({ ...button('submit', t('activities.result.schedule'), { action: 'activities.schedule', groupId: group.groupId, roundId: round.id }), style: 'positive' });
  }
  return adaptiveCard(body, actions, { speak: t('activities.result.heading') });
}
