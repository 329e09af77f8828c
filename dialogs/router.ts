import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { formAnswers, parseCardValue, type CardAction } from '../src/cards/actions';
import { menuCard, type MenuView } from '../src/cards/menu';
import { inviteCodePattern } from '../src/domain/invite';
import { matchKeyword } from '../src/i18n';
import { BecomeLeaderDialog } from './becomeLeaderDialog';
import { CancelSessionDialog } from './cancelSessionDialog';
import { errorMessage, sendCard, tOf, userIdOf, type DialogDeps } from './context';
import { CreateGroupDialog } from './createGroupDialog';
import { DialogIds } from './dialogIds';
import { GroupActions } from './groupActions';
import { JoinGroupDialog, type JoinOptions } from './joinGroupDialog';
import { LanguageDialog } from './languageDialog';
import { LeaveGroupDialog } from './leaveGroupDialog';
import { LimitsDialog } from './limitsDialog';
import { LinkChatDialog } from './linkChatDialog';
import { MoveSessionDialog } from './moveSessionDialog';
import { OnboardingDialog } from './onboardingDialog';
import { PauseDialog } from './pauseDialog';
import { PrivacyDialog } from './privacyDialog';
import { ReminderSettingsDialog } from './reminderSettingsDialog';
import { ScheduleSessionDialog } from './scheduleSessionDialog';
import { SessionActions } from './sessionActions';
// ---- check-ins (issue 12): its routes object, until the shared FeatureRoutes exists
import { isCheckInValue } from '../src/cards/checkins';
import type { CheckInFeature } from './checkins/deps';
import { CheckInRoutes } from './checkins/routes';
import type { SafetyResult } from './checkins/safetyDialog';
import type { PersonKeys } from '../src/services/checkins';

/** A dialog stack that cannot be loaded or continued: the one error after which the stack is dropped. */
export class DialogStateError extends Error {
  constructor(override readonly cause: unknown) {
    super('dialog state could not be used');
    this.name = 'DialogStateError';
  }
}

export type RouterDeps = DialogDeps & { forget: (person: PersonKeys) => Promise<void>; maxMessageChars: number; checkins: CheckInFeature };

/** Menu actions that are a whole dialog of their own. */
const actionDialogs: Partial<Record<CardAction['action'], string>> = {
  onboard: DialogIds.onboarding,
  join: DialogIds.joinGroup,
  leave: DialogIds.leaveGroup,
  newGroup: DialogIds.createGroup,
  becomeLeader: DialogIds.becomeLeader,
  limits: DialogIds.limits,
  language: DialogIds.language,
  privacy: DialogIds.privacy,
  reminders: DialogIds.reminderSettings,
  pause: DialogIds.pause,
};

/** Buttons answered in one turn that leave a dialog in progress where it was (an RSVP pressed mid-form). */
const inPassing: ReadonlySet<CardAction['action']> = new Set(['rsvp', 'snooze', 'attendance.save', 'pause.end']);

const isGroupChat = (context: TurnContext) => context.activity.conversation?.conversationType === 'groupChat' || context.activity.conversation?.isGroup === true;

/**
 * The root of the conversation: continues an active dialog, or turns a card button or a typed word
 * into the dialog (or the one-shot answer) for it. Anything it does not understand gets the menu.
 */
export class DialogRouter {
  private readonly dialogs: DialogSet;
  private readonly sessionActions: SessionActions;
  private readonly groupActions: GroupActions;
  private readonly checkins: CheckInRoutes;

  constructor(
    accessor: StatePropertyAccessor<DialogState>,
    private readonly deps: RouterDeps,
  ) {
    this.dialogs = new DialogSet(accessor)
      .add(new OnboardingDialog(deps))
      .add(new CreateGroupDialog(deps))
      .add(new JoinGroupDialog(deps))
      .add(new LeaveGroupDialog(deps))
      .add(new BecomeLeaderDialog(deps))
      .add(new LimitsDialog(deps))
      .add(new LanguageDialog(deps))
      .add(new PrivacyDialog(deps))
      .add(new LinkChatDialog(deps))
      .add(new ScheduleSessionDialog(deps))
      .add(new MoveSessionDialog(deps))
      .add(new CancelSessionDialog(deps))
      .add(new ReminderSettingsDialog(deps))
      .add(new PauseDialog(deps));
    this.checkins = new CheckInRoutes(deps);
    for (const dialog of this.checkins.dialogs()) this.dialogs.add(dialog);
    this.sessionActions = new SessionActions(deps);
    this.groupActions = new GroupActions(deps);
  }

  async onMessage(context: TurnContext): Promise<void> {
    const t = tOf(context);
    if (isGroupChat(context)) TurnContext.removeRecipientMention(context.activity);
    const text = (context.activity.text ?? '').trim();
    if (text.length > this.deps.maxMessageChars) {
      await context.sendActivity(t('errors.TOO_LONG', { max: this.deps.maxMessageChars }));
      return;
    }
    const dc = await this.loadStack(context);
    const value = context.activity.value;
    if (isCheckInValue(value)) return this.checkins.onCardValue(dc, value);
    if (value !== undefined && value !== null) return this.onCardSubmit(dc, value);
    if (text && (await this.checkins.onText(dc, text))) return;
    if (dc.activeDialog) return this.continueActive(dc);
    return this.onText(dc, text);
  }

  private async loadStack(context: TurnContext): Promise<DialogContext> {
    try {
      return await this.dialogs.createContext(context);
    } catch (e) {
      throw new DialogStateError(e);
    }
  }

  private async continueActive(dc: DialogContext): Promise<void> {
    if (dc.activeDialog && !this.dialogs.find(dc.activeDialog.id)) throw new DialogStateError(new Error(`unknown dialog ${dc.activeDialog.id}`));
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.complete || result.status === DialogTurnStatus.cancelled) {
      if ((result.result as { showMenu?: boolean } | undefined)?.showMenu) await this.showMenu(dc.context);
      await this.checkins.afterDialog(dc, result.result);
      // The safety question was answered with something else: that message is heard as any other.
      if ((result.result as SafetyResult | undefined)?.reroute) {
        const text = (dc.context.activity.text ?? '').trim();
        if (!(await this.checkins.onText(dc, text))) await this.onText(dc, text);
      }
    }
  }

  private async onCardSubmit(dc: DialogContext, value: unknown): Promise<void> {
    const t = tOf(dc.context);
    const parsed = parseCardValue(value);
    if (!parsed.ok) {
      await dc.context.sendActivity(t('errors.STALE_CARD'));
      return;
    }
    if (formAnswers.has(parsed.action.action)) {
      // A form answer belongs to the dialog that showed the form; without one it is an old card.
      if (dc.activeDialog) return this.continueActive(dc);
      await dc.context.sendActivity(t('errors.STALE_CARD'));
      return;
    }
    // A menu button pressed in the middle of something else starts over from that button.
    if (dc.activeDialog && !inPassing.has(parsed.action.action)) await dc.cancelAllDialogs();
    await this.runAction(dc, parsed.action);
  }

  private async onText(dc: DialogContext, text: string): Promise<void> {
    const keyword = matchKeyword(text);
    if (keyword === 'greeting') return this.showMenu(dc.context, tOf(dc.context)('menu.greeting'));
    if (keyword && keyword !== 'cancel') return this.runAction(dc, { action: keyword });
    if (keyword === 'cancel') {
      await dc.context.sendActivity(tOf(dc.context)('common.nothingToCancel'));
      return this.showMenu(dc.context);
    }
    const code = inviteCodePattern.exec(text)?.[0];
    if (code && !isGroupChat(dc.context)) {
      await dc.beginDialog(DialogIds.joinGroup, { code } satisfies JoinOptions);
      return;
    }
    await this.showMenu(dc.context, tOf(dc.context)('menu.notUnderstood'));
  }

  private async runAction(dc: DialogContext, action: CardAction): Promise<void> {
    const t = tOf(dc.context);
    if (isGroupChat(dc.context) && !['linkChat', 'help', 'menu'].includes(action.action)) {
      await dc.context.sendActivity(t('groupChat.personalOnly'));
      return;
    }
    const dialogId = actionDialogs[action.action];
    if (dialogId) {
      await dc.beginDialog(dialogId, {});
      return;
    }
    try {
      switch (action.action) {
        case 'menu':
          return await this.showMenu(dc.context);
        case 'help':
          return await this.showMenu(dc.context, t(isGroupChat(dc.context) ? 'help.groupChat' : 'help.main'));
        case 'linkChat':
          if (!isGroupChat(dc.context)) return void (await dc.context.sendActivity(t('linkChat.onlyInGroupChat')));
          await dc.beginDialog(DialogIds.linkChat);
          return;
        case 'myGroups':
          return await this.groupActions.showLedGroups(dc.context);
        case 'myGroup':
          return await this.groupActions.showMyGroup(dc.context);
        case 'renewInvite':
          return await this.groupActions.renewInvite(dc.context, action.groupId);
        case 'sessions':
          return await this.sessionActions.showMeetings(dc.context);
        case 'session.new':
          await dc.beginDialog(DialogIds.scheduleSession, { groupId: action.groupId });
          return;
        case 'session.move':
        case 'session.cancel':
          await dc.beginDialog(action.action === 'session.move' ? DialogIds.moveSession : DialogIds.cancelSession, {
            groupId: action.groupId,
            sessionId: action.sessionId,
          });
          return;
        case 'attendance':
          return await this.sessionActions.showAttendance(dc.context, action);
        case 'attendance.save':
          return await this.sessionActions.saveAttendance(dc.context, action);
        case 'rsvp':
          return await this.sessionActions.rsvp(dc.context, action);
        case 'snooze':
          return await this.sessionActions.snooze(dc.context, action);
        case 'pause.end':
          return await this.sessionActions.endPause(dc.context);
        default:
          // Only a form answer is left, and without its form it is an old card.
          await dc.context.sendActivity(t('errors.STALE_CARD'));
      }
    } catch (e) {
      await dc.context.sendActivity(errorMessage(t, e));
    }
  }

  async menuView(context: TurnContext): Promise<MenuView> {
    const userId = userIdOf(context);
    const user = await this.deps.users.get(userId);
    return {
      consented: user?.consent?.given === true,
      inGroup: Boolean(user?.groupId),
      mayLead: this.deps.users.mayLead(user, userId),
      leadsGroups: (user?.leadsGroupIds.length ?? 0) > 0,
      canClaimLeadership: this.deps.settings.leaderSignupEnabled,
      inGroupChat: isGroupChat(context),
    };
  }

  async showMenu(context: TurnContext, intro?: string): Promise<void> {
    await sendCard(context, menuCard(tOf(context), await this.menuView(context), intro));
  }
}
