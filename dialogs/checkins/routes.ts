import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { parseCheckInAction } from '../../src/cards/checkins';
import { soundsDistressed } from '../../src/domain/checkins';
import { resources } from '../../src/i18n';
import { errorMessage, tOf } from '../context';
import { CheckInActions } from './actions';
import { CheckInDialog, type CheckInOptions, type CheckInResult } from './checkInDialog';
import { CheckInDialogIds, type CheckInDialogDeps } from './deps';
import { SafetyDialog } from './safetyDialog';

/**
 * The check-ins feature's routes: its dialogs, its card actions ('checkins.*'), typed keywords in
 * fi/sv/en and menu entries. Until the shared FeatureRoutes type exists, the router calls these hooks.
 */

type Keyword = 'start' | 'reflections';

const keywordsOf = (k: Keyword) => Object.values(resources).flatMap((r) => r.checkins.keywords[k].split('|'));

export function checkInKeyword(text: string): Keyword | undefined {
  const normalized = text.trim().toLowerCase().replace(/[.!?]+$/, '');
  return (['start', 'reflections'] as const).find((k) => keywordsOf(k).includes(normalized));
}

const isGroupChat = (context: TurnContext) => context.activity.conversation?.conversationType === 'groupChat' || context.activity.conversation?.isGroup === true;

export class CheckInRoutes {
  private readonly actions: CheckInActions;

  constructor(private readonly deps: CheckInDialogDeps) {
    this.actions = new CheckInActions(deps);
  }

  dialogs() {
    return [new CheckInDialog(this.deps), new SafetyDialog(this.deps)];
  }

  /** A 'checkins.*' card value. In passing (a dialog in progress stays) except start, which begins the check-in. */
  async onCardValue(dc: DialogContext, value: unknown): Promise<void> {
    const t = tOf(dc.context);
    const parsed = parseCheckInAction(value);
    if (!parsed.ok) return void (await dc.context.sendActivity(t('errors.STALE_CARD')));
    if (isGroupChat(dc.context)) return void (await dc.context.sendActivity(t('groupChat.personalOnly')));
    const action = parsed.action;
    try {
      switch (action.action) {
        case 'checkins.start':
          if (dc.activeDialog) await dc.cancelAllDialogs();
          await dc.beginDialog(CheckInDialogIds.checkIn, (action.meetingId ? { meetingId: action.meetingId } : {}) satisfies CheckInOptions);
          return;
        case 'checkins.save':
        case 'checkins.stepwise':
          // The card's answer belongs to the check-in that showed it; an old card starts a new check-in.
          if (dc.activeDialog?.id === CheckInDialogIds.checkIn) return await this.afterDialog(dc, (await dc.continueDialog()).result);
          await dc.beginDialog(CheckInDialogIds.checkIn, {});
          return;
        case 'checkins.reflections':
          return await this.actions.showReflections(dc.context);
        case 'checkins.share':
          return await this.actions.share(dc.context, action.checkInId, action.shared);
        case 'checkins.leader':
          return await this.actions.showLeaderView(dc.context, action.groupId);
        case 'checkins.export':
          return await this.actions.exportMyData(dc.context);
      }
    } catch (e) {
      await dc.context.sendActivity(errorMessage(t, e));
    }
  }

  /** Typed words: a check-in keyword, or distress in any free message (true when handled). */
  async onText(dc: DialogContext, text: string): Promise<boolean> {
    if (isGroupChat(dc.context)) return false;
    if (this.isDistress(text) && dc.activeDialog?.id !== CheckInDialogIds.checkIn) {
      // Distress is never an answer to a form (nor a yes/no): the safety answer comes first, whatever was going on.
      // Inside a check-in the answers are heard when it is saved, so it is never interrupted.
      if (dc.activeDialog) await dc.cancelAllDialogs();
      await dc.beginDialog(CheckInDialogIds.safety);
      return true;
    }
    if (dc.activeDialog) return false;
    const keyword = checkInKeyword(text);
    if (keyword === 'start') await dc.beginDialog(CheckInDialogIds.checkIn, {});
    else if (keyword === 'reflections') await this.actions.showReflections(dc.context);
    return keyword !== undefined;
  }

  /** After a dialog of this feature ended: a check-in that heard distress hands over to the safety answer. */
  async afterDialog(dc: DialogContext, result: unknown): Promise<void> {
    if ((result as CheckInResult | undefined)?.safety) await dc.beginDialog(CheckInDialogIds.safety);
  }

  isDistress(text: string): boolean {
    return soundsDistressed(text, this.deps.checkins.distressPhrases);
  }
}

