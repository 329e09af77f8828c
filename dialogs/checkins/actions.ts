import type { TurnContext } from 'botbuilder';
import { leaderCheckInsCard, reflectionsCard, strengthsCard } from '../../src/cards/checkins';
import { localeOf, sendCard, tOf, userIdOf } from '../shared/context';
import type { CheckInDialogDeps } from './deps';
import { fileConsentCard, myDataFileName, myDataJson } from './fileConsent';


/** Check-in buttons answered in one turn; they never interrupt a dialog in progress. */
export class CheckInActions {
  constructor(private readonly deps: CheckInDialogDeps) {}

  /** "My reflections": history with the mood chart, next steps, then my strengths and the CV text. */
  async showReflections(context: TurnContext): Promise<void> {
    const t = tOf(context);
    const locale = localeOf(context);
    const userId = userIdOf(context);
    const [user, history] = await Promise.all([this.deps.users.get(userId), this.deps.checkins.checkIns.listMine(userId)]);
    const zone = this.deps.checkins.checkIns.zoneOf(user);
    await sendCard(context, await reflectionsCard({ t, locale, zone, history }));
    if (history.length > 0) await sendCard(context, strengthsCard(t, locale, zone, history));
  }

  async share(context: TurnContext, checkInId: string, shared: boolean): Promise<void> {
    await this.deps.checkins.checkIns.setShared(userIdOf(context), checkInId, shared);
    await context.sendActivity(tOf(context)(shared ? 'checkins.history.nowShared' : 'checkins.history.nowPrivate'));
  }

  /** The leader: one card per group they lead (or the one asked for). */
  async showLeaderView(context: TurnContext, groupId?: string): Promise<void> {
    const t = tOf(context);
    const userId = userIdOf(context);
    const led = (await this.deps.groups.groupsLedBy(userId)).filter((g) => !groupId || g.groupId === groupId);
    if (led.length === 0) {
      await context.sendActivity(t('checkins.leader.noGroups'));
      return;
    }
    for (const group of led) {
      const members = await this.deps.checkins.checkIns.leaderView(userId, group.groupId);
      await sendCard(context, leaderCheckInsCard(t, localeOf(context), group, members));
    }
  }

  /**
   * "My data": everything stored about the person as a JSON file. Teams sends a bot's file only through
   * its consent card (then into the person's OneDrive, see fileConsent.ts); Web Chat downloads an
   * attachment with a data: URL.
   */
  async exportMyData(context: TurnContext): Promise<void> {
    const t = tOf(context);
    const { json, day } = await myDataJson(this.deps, context);
    if (context.activity.channelId === 'msteams') {
      await context.sendActivity({ text: t('checkins.myData.consent'), attachments: [fileConsentCard(t('checkins.myData.fileDescription'), myDataFileName(day), json.length)] });
      return;
    }
    await context.sendActivity({
      text: t('checkins.myData.sent'),
      attachments: [{ contentType: 'application/json', name: myDataFileName(day), contentUrl: `data:application/json;base64,${json.toString('base64')}` }],
    });
  }
}
