import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { costLevels, type Demands } from '../../src/domain/activities';
import { DomainError } from '../../src/domain/shared/errors';
import { formatDateTime } from '../../src/i18n';
import type { ActivityAction, ProposalFormPayload, VotePayload } from '../../src/cards/activities/actions';
import { activitiesHomeCard, ideasCard, roundFormCard } from '../../src/cards/activities/library';
import { ideaValues, proposalFormCard, proposalValues, type ProposalFormValues } from '../../src/cards/activities/proposalForm';
import { resultCard } from '../../src/cards/activities/result';
import { roundCard } from '../../src/cards/activities/round';
import type { ProposalDraft } from '../../src/services/activities';
import { localeOf, sendCard, tOf, userIdOf } from '../shared/context';
import { activityErrorText, type ActivitiesDeps } from './deps';

type Of<N extends ActivityAction['action']> = Extract<ActivityAction, { action: N }>;

export const draftOf = (v: ProposalFormValues): ProposalDraft => ({
  title: v.title,
  description: v.description,
  when: v.when,
  place: v.place,
  cost: v.cost,
  demands: { effort: v.effort, travel: v.travel, cost: v.costLevel, ...(v.other.trim() ? { other: v.other.trim() } : {}) } satisfies Demands,
});

/** Only Teams lets the bot change a message it sent; elsewhere (Web Chat) the new state is a new card. */
const canUpdateInPlace = (context: TurnContext) => context.activity.channelId === 'msteams' && !!context.activity.replyToId;

/** The activities buttons that are answered in one turn. Each checks the person's role and group again. */
export class ActivityActions {
  constructor(private readonly deps: ActivitiesDeps) {}

  private get proposals() {
    return this.deps.activities.proposals;
  }
  private get rounds() {
    return this.deps.activities.rounds;
  }

  async home(context: TurnContext, groupId: string) {
    const overview = await this.proposals.overview(userIdOf(context), groupId);
    await sendCard(context, activitiesHomeCard(tOf(context), localeOf(context), overview, userIdOf(context)));
  }

  async ideas(context: TurnContext, groupId: string) {
    const overview = await this.proposals.overview(userIdOf(context), groupId);
    await sendCard(context, ideasCard(tOf(context), groupId, overview.doneIdeaIds));
  }

  /** A new proposal (empty, or from an idea) or the author's own to edit. */
  async showForm(context: TurnContext, action: Of<'activities.propose'>, groupId: string) {
    const t = tOf(context);
    const userId = userIdOf(context);
    if (action.proposalId) {
      const { group, proposal } = await this.proposals.editable(userId, groupId, action.proposalId);
      const mayNotSuit = await this.proposals.mayNotSuit(group, proposal.demands);
      await sendCard(context, proposalFormCard(t, group, { requestId: randomUUID(), proposalId: proposal.id, values: proposalValues(proposal, group.timeZone), mayNotSuit }));
      return;
    }
    const { group } = await this.proposals.group(userId, groupId);
    const values = action.ideaId ? ideaValues(t, action.ideaId) : undefined;
    const mayNotSuit = values ? await this.proposals.mayNotSuit(group, { effort: values.effort!, travel: values.travel!, cost: values.costLevel ?? costLevels[0] }) : undefined;
    await sendCard(context, proposalFormCard(t, group, { requestId: randomUUID(), ...(values ? { values, ideaId: action.ideaId } : {}), ...(mayNotSuit !== undefined ? { mayNotSuit } : {}) }));
  }

  /** The form's answer; a problem brings the form back with what was typed and why. */
  async saveForm(context: TurnContext, p: ProposalFormPayload) {
    const t = tOf(context);
    const userId = userIdOf(context);
    const { action: _a, groupId, requestId, proposalId, ideaId, ...values } = p;
    const draft = { ...draftOf(values), ...(ideaId ? { ideaId } : {}) };
    try {
      const saved = proposalId ? await this.proposals.edit(userId, groupId, proposalId, draft) : await this.proposals.propose(userId, groupId, draft, requestId);
      const lines = [t(proposalId ? 'activities.edited' : 'activities.saved', { title: saved.proposal.title })];
      if (saved.mayNotSuit > 0) lines.push(t('activities.fit.mayNotSuit', { count: saved.mayNotSuit }));
      if (saved.openedRound) lines.push(t('activities.autoOpened', { count: saved.openedRound.proposalIds.length }));
      await context.sendActivity(lines.join('\n\n'));
    } catch (e) {
      const error = activityErrorText(t, e);
      const { group } = await this.proposals.group(userId, groupId).catch(() => ({ group: undefined }));
      if (!group) return void (await context.sendActivity(error));
      await sendCard(context, proposalFormCard(t, group, { requestId, values, error, ...(proposalId ? { proposalId } : {}), ...(ideaId ? { ideaId } : {}) }));
    }
  }

  async withdraw(context: TurnContext, action: Of<'activities.withdraw'>) {
    const proposal = await this.proposals.withdraw(userIdOf(context), action.groupId, action.proposalId);
    await context.sendActivity(tOf(context)('activities.withdrawn', { title: proposal.title }));
  }

  async roundForm(context: TurnContext, groupId: string, error?: string) {
    const overview = await this.proposals.overview(userIdOf(context), groupId);
    // Local mode lets anyone lead, so the router lets the click through: the form is the group's own leader's only.
    if (overview.group.leaderId !== userIdOf(context)) return void (await context.sendActivity(activityErrorText(tOf(context), new DomainError('NOT_GROUP_LEADER'))));
    const today = DateTime.fromJSDate(this.deps.clock.now()).setZone(overview.group.timeZone).toFormat('yyyy-MM-dd');
    await sendCard(context, roundFormCard(tOf(context), overview, today, error));
  }

  async openRound(context: TurnContext, action: Of<'activities.round.open'>) {
    const t = tOf(context);
    try {
      const round = await this.rounds.openRound(userIdOf(context), action.groupId, `${action.date}T${action.time}`);
      const { group } = await this.proposals.group(userIdOf(context), action.groupId);
      await context.sendActivity(t('activities.round.opened', { date: formatDateTime(round.deadline, localeOf(context), group.timeZone) }));
    } catch (e) {
      await this.roundForm(context, action.groupId, activityErrorText(t, e));
    }
  }

  async showRound(context: TurnContext, groupId: string, roundId?: string) {
    const t = tOf(context);
    const view = await this.rounds.roundFor(userIdOf(context), groupId, roundId);
    if (!view) return void (await context.sendActivity(t('activities.round.none')));
    await sendCard(context, view.round.status === 'open' ? roundCard(t, localeOf(context), view, 'submit') : resultCard(t, localeOf(context), view, 'submit'));
  }

  /** A tick from a personal chat or Web Chat: the card is redrawn in place where the channel allows, else sent anew. */
  async vote(context: TurnContext, p: VotePayload) {
    const t = tOf(context);
    const view = await this.rounds.castVote(userIdOf(context), p.groupId, p.roundId, p.proposalId, p.approve);
    const card = view.round.status === 'open' ? roundCard(t, localeOf(context), view, 'submit') : resultCard(t, localeOf(context), view, 'submit');
    if (canUpdateInPlace(context)) {
      await context.updateActivity({ id: context.activity.replyToId, type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
      return;
    }
    await sendCard(context, card, t('activities.round.voted', { date: formatDateTime(view.round.deadline, localeOf(context), view.group.timeZone) }));
  }

  /** Only the leader of a round with a winner gets the meeting form. */
  async checkWinner(context: TurnContext, groupId: string, roundId: string) {
    await this.rounds.winner(userIdOf(context), groupId, roundId);
  }

  async pick(context: TurnContext, action: Of<'activities.pick'>) {
    const t = tOf(context);
    await this.rounds.pick(userIdOf(context), action.groupId, action.roundId, action.proposalId);
    const view = await this.rounds.roundFor(userIdOf(context), action.groupId, action.roundId);
    if (view) await sendCard(context, resultCard(t, localeOf(context), view, 'submit'));
  }

  async saveSettings(context: TurnContext, action: Of<'activities.settings.save'>) {
    const t = tOf(context);
    const n = action.autoOpenAt === '' || action.autoOpenAt === 'off' ? undefined : Number(action.autoOpenAt);
    const opened = await this.proposals.setAutoOpen(userIdOf(context), action.groupId, n);
    await context.sendActivity([t('activities.settingsSaved'), ...(opened ? [t('activities.autoOpened', { count: opened.proposalIds.length })] : [])].join('\n\n'));
  }
}
