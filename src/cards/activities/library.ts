import { ideas } from '../../domain/activities';
import type { ActivityOverview } from '../../services/activities';
import { formatDateTime, type Translate } from '../../i18n';
import type { Locale } from '../../domain/shared/locale';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, textBlock } from '../shared/elements';

/** The idea library: each idea with its demands; what the group has already done is marked, so what is new stands out. */
export function ideasCard(t: Translate, groupId: string, doneIdeaIds: readonly string[]) {
  return adaptiveCard([
    heading(t('activities.ideas.heading')),
    textBlock(t('activities.ideas.intro')),
    ...ideas.map((idea) => {
      const title = t(`activities.ideas.items.${idea.id}.title`);
      return {
        type: 'Container',
        separator: true,
        items: [
          textBlock(title, { weight: 'Bolder' }),
          ...(doneIdeaIds.includes(idea.id) ? [textBlock(t('activities.ideas.done'), { color: 'Good', size: 'Small' })] : []),
          textBlock(t(`activities.ideas.items.${idea.id}.description`), { size: 'Small' }),
          textBlock(
            t('activities.ideas.demands', {
              effort: t(`activities.levels.effort.${idea.demands.effort}`),
              travel: t(`activities.levels.travel.${idea.demands.travel}`),
              cost: t(`activities.levels.cost.${idea.demands.cost}`),
            }),
            { isSubtle: true, size: 'Small' },
          ),
          { type: 'ActionSet', actions: [submit(t('activities.ideas.pick', { title }), { action: 'activities.propose', groupId, ideaId: idea.id })] },
        ],
      };
    }),
  ]);
}

/** The group's activities: what waits for a vote, the open round, and what this person can do next. */
export function activitiesHomeCard(t: Translate, locale: Locale, overview: ActivityOverview, viewerId: string) {
  const { group, role, waiting, latestRound } = overview;
  const groupId = group.groupId;
  const body: object[] = [heading(t('activities.home.title', { group: group.name }))];
  if (latestRound?.status === 'open') body.push(textBlock(t('activities.home.roundOpen', { date: formatDateTime(latestRound.deadline, locale, group.timeZone) }), { weight: 'Bolder' }));
  body.push(textBlock(waiting.length ? t('activities.home.waiting') : t('activities.home.none')));
  for (const p of waiting) body.push(textBlock(`• ${p.authorId === viewerId ? t('activities.home.yours', { title: p.title }) : p.title}`));
  const mine = waiting.filter((p) => p.authorId === viewerId);
  const actions: object[] = [
    submit(t('activities.home.propose'), { action: 'activities.propose', groupId }),
    submit(t('activities.home.proposeSteps'), { action: 'activities.proposeSteps', groupId }),
    submit(t('activities.home.ideas'), { action: 'activities.ideas', groupId }),
  ];
  if (latestRound) actions.push(submit(t('activities.home.showRound'), { action: 'activities.round.show', groupId, roundId: latestRound.id }));
  if (role === 'leader' && latestRound?.status !== 'open') actions.push(submit(t('activities.home.newRound'), { action: 'activities.round.new', groupId }));
  body.push({ type: 'ActionSet', actions });
  if (mine.length) {
    body.push({
      type: 'ActionSet',
      actions: mine.slice(0, 3).flatMap((p) => [
        submit(t('activities.home.edit', { title: p.title }), { action: 'activities.propose', groupId, proposalId: p.id }),
        submit(t('activities.home.withdraw', { title: p.title }), { action: 'activities.withdraw', groupId, proposalId: p.id }),
      ]),
    });
  }
  if (role === 'leader') {
    const current = overview.settings.autoOpenAt ? String(overview.settings.autoOpenAt) : 'off';
    body.push(
      {
        type: 'Input.ChoiceSet',
        id: 'autoOpenAt',
        style: 'compact',
        separator: true,
        label: t('activities.home.autoOpen'),
        value: current,
        choices: [{ title: t('activities.home.autoOff'), value: 'off' }, ...[2, 3, 4, 5, 6].map((n) => ({ title: String(n), value: String(n) }))],
      },
      { type: 'ActionSet', actions: [submit(t('activities.home.saveSettings'), { action: 'activities.settings.save', groupId })] },
    );
  }
  return adaptiveCard(body);
}

/** Leader: the deadline of a new round, in the group's zone. */
export function roundFormCard(t: Translate, overview: ActivityOverview, today: string, error?: string) {
  const { group, waiting } = overview;
  return adaptiveCard(
    [
      ...(error ? [textBlock(error, { color: 'Attention', weight: 'Bolder' })] : []),
      heading(t('activities.round.formHeading', { group: group.name })),
      textBlock(t('activities.round.formIntro', { count: Math.min(waiting.length, 10) })),
      ...waiting.slice(0, 10).map((p) => textBlock(`• ${p.title}`)),
      { type: 'Input.Date', id: 'date', label: t('activities.round.deadlineDate'), min: today, isRequired: true },
      { type: 'Input.Time', id: 'time', label: t('activities.round.deadlineTime'), value: '18:00', isRequired: true },
      textBlock(t('activities.form.zone', { zone: group.timeZone }), { isSubtle: true, size: 'Small' }),
    ],
    [{ ...submit(t('activities.round.open'), { action: 'activities.round.open', groupId: group.groupId }), style: 'positive' }],
  );
}
