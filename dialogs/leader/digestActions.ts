import type { TurnContext } from 'botbuilder';
import { clockTime } from '../../src/domain/shared/schedule';
import { digestRenderer, digestSettingsCard, type DigestSavePayload } from '../../src/cards/leader';
import { formatDateTime } from '../../src/i18n';
import { errorMessage, localeOf, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';

/** The leader's digest in one turn each: on demand, its settings form, and saving that form. */
export class DigestActions {
  constructor(private readonly deps: DialogDeps) {}

  /** *Digest now*: the same message the scheduled digest would be (one line when nothing is new). */
  async now(context: TurnContext): Promise<void> {
    const t = tOf(context);
    try {
      const request = await this.deps.digest.onDemand(userIdOf(context));
      const message = await digestRenderer.render({ ...request, locale: localeOf(context) });
      if (!message.cards) {
        await context.sendActivity(message.text ?? '');
        return;
      }
      await context.sendActivity(message.text ?? '');
      for (const card of message.cards) await sendCard(context, card);
    } catch (e) {
      await context.sendActivity(errorMessage(t, e));
    }
  }

  async settings(context: TurnContext, error?: string): Promise<void> {
    const t = tOf(context);
    try {
      const { settings, zone } = await this.deps.digest.settingsOf(userIdOf(context));
      await sendCard(context, digestSettingsCard(t, settings, zone, error));
    } catch (e) {
      await context.sendActivity(errorMessage(t, e));
    }
  }

  async save(context: TurnContext, p: DigestSavePayload): Promise<void> {
    const t = tOf(context);
    const time = p.time.trim().slice(0, 5);
    if (!clockTime.safeParse(time).success) {
      await this.settings(context, t('digest.settings.badTime'));
      return;
    }
    try {
      const { dueAt, zone } = await this.deps.digest.saveSettings(userIdOf(context), { cadence: p.cadence, weekday: p.weekday, time, beforeMeetings: p.beforeMeetings });
      await context.sendActivity(t('digest.settings.saved', { when: formatDateTime(dueAt, localeOf(context), zone) }));
    } catch (e) {
      await context.sendActivity(errorMessage(t, e));
    }
  }
}
