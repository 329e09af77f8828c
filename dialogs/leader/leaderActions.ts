import type { TurnContext } from 'botbuilder';
import { glanceCard, type AlertFeedbackPayload } from '../../src/cards/leader';
import { sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';

/** The leader's one-turn actions: the group at a glance, and the answer to an alert. */
export class LeaderActions {
  constructor(private readonly deps: DialogDeps) {}

  /** Each group the leader leads, one card each. */
  async glance(context: TurnContext): Promise<void> {
    const t = tOf(context);
    const userId = userIdOf(context);
    const led = await this.deps.groups.groupsLedBy(userId);
    if (led.length === 0) {
      await context.sendActivity(t('errors.NOT_LEADER'));
      return;
    }
    for (const g of led) {
      const { group, rows } = await this.deps.leader.glance(userId, g.groupId);
      await sendCard(context, glanceCard(t, group, rows));
    }
  }

  async feedback(context: TurnContext, p: AlertFeedbackPayload): Promise<void> {
    const { name } = await this.deps.leader.feedback(userIdOf(context), p.groupId, p.alertId, p.answer, p.answer === 'not_useful' ? p.why : undefined);
    await context.sendActivity(tOf(context)(`leader.feedback.${p.answer}`, { name }));
  }
}
