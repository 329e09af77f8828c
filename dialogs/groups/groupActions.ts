import type { TurnContext } from 'botbuilder';
import { inviteCard, myGroupCard, renewInviteQuestion, rosterCard } from '../../src/cards/groups/groupCards';
import { localeOf, sendCard, tOf, userIdOf, type RouterDeps } from '../shared/context';

/** Card buttons about groups that are answered in one turn: rosters, one's own group, a new invite code. */
export class GroupActions {
  constructor(private readonly deps: RouterDeps) {}

  async showLedGroups(context: TurnContext): Promise<void> {
    const t = tOf(context);
    const userId = userIdOf(context);
    const groups = await this.deps.groups.groupsLedBy(userId);
    if (groups.length === 0) {
      await context.sendActivity(t('roster.none'));
      return;
    }
    for (const g of groups) {
      // Departures (issue 12): a member who erased their data shows as "a member left", nothing more.
      const [roster, departures] = await Promise.all([this.deps.groups.roster(userId, g.groupId), this.deps.checkins.myData.departures(g.groupId)]);
      await sendCard(context, rosterCard(t, localeOf(context), roster.group, roster.members, roster.freePlaces, departures));
    }
  }

  async showMyGroup(context: TurnContext): Promise<void> {
    const t = tOf(context);
    const group = await this.deps.groups.groupOf(userIdOf(context));
    if (!group) {
      await context.sendActivity(t('errors.NOT_IN_GROUP'));
      return;
    }
    const leader = await this.deps.users.get(group.leaderId);
    await sendCard(context, myGroupCard(t, group, leader?.displayName ?? t('myGroup.yourLeader')));
  }

  /** Asks first: the code already sent stops working. Confirmed, the new invite names the old code. */
  async renewInvite(context: TurnContext, groupId: string, confirmed: boolean): Promise<void> {
    const userId = userIdOf(context);
    if (!confirmed) {
      const group = await this.deps.groups.ledGroup(userId, groupId);
      await sendCard(context, renewInviteQuestion(tOf(context), group));
      return;
    }
    const before = await this.deps.groups.ledGroup(userId, groupId);
    const { group, invite } = await this.deps.groups.renewInvite(userId, groupId);
    await sendCard(context, inviteCard(tOf(context), localeOf(context), group, invite, before.inviteCode));
  }
}
