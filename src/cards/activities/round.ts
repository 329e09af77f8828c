import { noneOfThese, type BallotEntry } from '../../domain/activities';
import type { Locale } from '../../domain/shared/locale';
import type { RoundView } from '../../services/activities';
import { formatDateTime, type Translate } from '../../i18n';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, textBlock } from '../shared/elements';

export type CardVariant = 'submit' | 'execute';

/** Changes whenever what the card shows changes: Teams refreshes a card automatically only when its data changed. */
export const cardRevision = (view: RoundView) => `${view.round.revision}:${view.round.proposalIds.map((id) => view.counts[id] ?? 0).join('-')}`;

/** Action.Submit for personal chats and Web Chat (which has no Action.Execute); Action.Execute in a Teams group chat. */
export const button = (variant: CardVariant, title: string, data: Record<string, unknown>) =>
  variant === 'execute' ? { type: 'Action.Execute', title, verb: String(data.action), data } : submit(title, data);

export function entryLines(t: Translate, locale: Locale, zone: string, entry: BallotEntry): string[] {
  const lines = [entry.description].filter(Boolean);
  const facts = [
    entry.times.map((at) => formatDateTime(at, locale, zone)).join(', '),
    entry.place,
    entry.cost,
    t('activities.ideas.demands', {
      effort: t(`activities.levels.effort.${entry.demands.effort}`),
      travel: t(`activities.levels.travel.${entry.demands.travel}`),
      cost: t(`activities.levels.cost.${entry.demands.cost}`),
    }),
  ].filter(Boolean);
  return [...lines, facts.join(' · ')];
}

function entryBlock(t: Translate, locale: Locale, view: RoundView, entry: BallotEntry, variant: CardVariant, revision: string) {
  const { round, group } = view;
  const count = view.counts[entry.proposalId] ?? 0;
  const ticked = view.mine.includes(entry.proposalId);
  const items: object[] = [
    textBlock(`${entry.title} — ${t('activities.round.count', { count })}`, { weight: 'Bolder', separator: true, spacing: 'Medium' }),
    ...entryLines(t, locale, group.timeZone, entry).map((l) => textBlock(l, { isSubtle: true, size: 'Small' })),
  ];
  if (view.viewerId && view.role === 'participant') {
    if (view.hardForMe.includes(entry.proposalId)) items.push(textBlock(t('activities.fit.privateNote'), { color: 'Warning', size: 'Small' }));
    if (ticked) items.push(textBlock(t('activities.round.ticked'), { color: 'Good' }));
    if (round.status === 'open') {
      const data = { action: 'activities.vote', groupId: group.groupId, roundId: round.id, proposalId: entry.proposalId, approve: !ticked, revision };
      items.push({ type: 'ActionSet', actions: [button(variant, t(ticked ? 'activities.round.untick' : 'activities.round.tick', { title: entry.title }), data)] });
    }
  } else if (view.viewerId && view.role === 'leader') {
    const n = view.mayNotSuitCount[entry.proposalId] ?? 0;
    items.push(textBlock(n === 0 ? t('activities.fit.fitsEveryone') : t('activities.fit.leaderMayNotSuit', { count: n }), { size: 'Small' }));
  }
  return { type: 'Container', items };
}

/** A participant's "none of these suit me": an empty ballot said out loud, which counts as having voted. */
function noneBlock(t: Translate, view: RoundView, variant: CardVariant, revision: string): object[] {
  const { round, group } = view;
  if (!view.viewerId || view.role !== 'participant') return [];
  if (view.noneForMe) return [textBlock(t('activities.round.noneChosen'), { color: 'Good', separator: true, spacing: 'Medium' })];
  if (round.status !== 'open') return [];
  const data = { action: 'activities.vote', groupId: group.groupId, roundId: round.id, proposalId: noneOfThese, approve: true, revision };
  return [{ type: 'ActionSet', separator: true, spacing: 'Medium', actions: [button(variant, t('activities.round.noneOfThese'), data)] }];
}

/**
 * A round as one person sees it (or, without a viewer, as anyone in a group chat may see it: counts only).
 * In a group chat the shared card carries `refresh` so each listed person's Teams fetches their own view.
 */
export function roundCard(t: Translate, locale: Locale, view: RoundView, variant: CardVariant, options: { intro?: string; refreshUserIds?: string[] } = {}) {
  const { round, group } = view;
  const revision = cardRevision(view);
  const deadline = formatDateTime(round.deadline, locale, group.timeZone);
  const body: object[] = [
    heading(t('activities.round.heading')),
    ...(options.intro ? [textBlock(options.intro, { weight: 'Bolder' })] : []),
    textBlock(round.status === 'open' ? t('activities.round.intro', { date: deadline }) : t('activities.round.closed')),
    textBlock(t('activities.round.whoSees'), { isSubtle: true, size: 'Small' }),
    ...round.entries.map((e) => entryBlock(t, locale, view, e, variant, revision)),
    ...noneBlock(t, view, variant, revision),
  ];
  if (view.viewerId && view.role === 'leader') {
    body.push(textBlock(t('activities.round.leaderRole'), { separator: true, isSubtle: true }));
    if (round.status === 'open') body.push(textBlock(view.notVotedNames.length ? t('activities.round.notVoted', { names: view.notVotedNames.join(', ') }) : t('activities.round.allVoted')));
  }
  const refreshData = { action: 'activities.refresh', groupId: group.groupId, roundId: round.id, revision };
  const extra =
    variant === 'execute' && options.refreshUserIds
      ? { refresh: { action: { type: 'Action.Execute', title: t('activities.round.refresh'), verb: 'activities.refresh', data: refreshData }, userIds: options.refreshUserIds } }
      : {};
  const actions = variant === 'execute' ? [button(variant, t('activities.round.refresh'), refreshData)] : [];
  return adaptiveCard(body, actions, { ...extra, speak: t('activities.round.heading') });
}
