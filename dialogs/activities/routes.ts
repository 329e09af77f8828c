import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import { isActivityValue, parseActivityAction, type ActivityAction, type ActivityActionName } from '../../src/cards/activities/actions';
import { resources } from '../../src/i18n';
import { tOf, userIdOf } from '../context';
import { ActivityActions } from './actions';
import { activityErrorText, defaultGroupId, type ActivitiesDeps } from './deps';
import { ActivityDialogIds } from './ids';
import { ActivityInvokes } from './invoke';
import { ProposeStepsDialog } from './proposeStepsDialog';
import { ScheduleWinnerDialog } from './scheduleWinnerDialog';

type Role = 'member' | 'participant' | 'leader';

interface ActionRoute {
  /** Who may press it (checked again by the service). */
  roles: Role;
  /** Answered in passing: a dialog in progress stays where it was. */
  inPassing?: boolean;
}

/**
 * The activities feature's routes (the shape dialogs/shared/routes.ts will give every feature): its
 * dialogs, its card actions with their roles, its typed words in fi/sv/en and its menu entry.
 */
export const activitiesRoutes = {
  dialogs: [(deps: ActivitiesDeps) => new ProposeStepsDialog(deps), (deps: ActivitiesDeps) => new ScheduleWinnerDialog(deps)],
  actions: {
    'activities.home': { roles: 'member' },
    'activities.propose': { roles: 'member' },
    'activities.proposeSteps': { roles: 'member' },
    'activities.ideas': { roles: 'member' },
    'activities.propose.save': { roles: 'member' },
    'activities.propose.cancel': { roles: 'member' },
    'activities.withdraw': { roles: 'member' },
    'activities.round.new': { roles: 'leader' },
    'activities.round.open': { roles: 'leader' },
    'activities.round.show': { roles: 'member', inPassing: true },
    'activities.vote': { roles: 'participant', inPassing: true },
    'activities.refresh': { roles: 'member', inPassing: true },
    'activities.pick': { roles: 'leader' },
    'activities.schedule': { roles: 'leader' },
    'activities.settings.save': { roles: 'leader' },
  } satisfies Record<ActivityActionName, ActionRoute>,
  /** Typed words (from locales, every language understood whatever the person chose) → the action they start. */
  keywords: {
    home: 'activities.home',
    propose: 'activities.proposeSteps',
    vote: 'activities.round.show',
    ideas: 'activities.ideas',
  } as const,
  menu: { section: 'main', action: 'activities.home', visible: (view: { inGroup: boolean; leadsGroups: boolean; inGroupChat: boolean }) => !view.inGroupChat && (view.inGroup || view.leadsGroups) },
} as const;

const normalize = (text: string) => text.trim().toLowerCase().replace(/^[/!]+/, '').replace(/[.!?]+$/, '');

/** The action a typed word starts, in any of the three languages. */
export function activityKeyword(text: string): ActivityActionName | undefined {
  const typed = normalize(text);
  for (const lang of Object.values(resources)) {
    for (const [word, action] of Object.entries(activitiesRoutes.keywords)) {
      if ((lang.activities.keywords as Record<string, string>)[word]?.split('|').includes(typed)) return action;
    }
  }
  return undefined;
}

const isGroupChat = (context: TurnContext) => context.activity.conversation?.conversationType === 'groupChat' || context.activity.conversation?.isGroup === true;

/** Turns the feature's card values and typed words into its one-shot answers and dialogs. */
export class ActivitiesRouter {
  readonly invokes: ActivityInvokes;
  private readonly actions: ActivityActions;

  constructor(private readonly deps: ActivitiesDeps) {
    this.actions = new ActivityActions(deps);
    this.invokes = new ActivityInvokes(deps);
  }

  static handles(value: unknown): boolean {
    return isActivityValue(value);
  }

  /** A card submit of this feature: parsed, or refused as stale (nothing is recorded). */
  async onSubmit(dc: DialogContext, value: unknown): Promise<void> {
    const action = parseActivityAction(value);
    if (!action) return void (await dc.context.sendActivity(tOf(dc.context)('errors.STALE_CARD')));
    if (dc.activeDialog && !(activitiesRoutes.actions[action.action] as ActionRoute).inPassing) await dc.cancelAllDialogs();
    await this.run(dc, action);
  }

  async onText(dc: DialogContext, text: string): Promise<boolean> {
    const action = activityKeyword(text);
    if (!action) return false;
    await this.run(dc, { action } as ActivityAction);
    return true;
  }

  private async run(dc: DialogContext, action: ActivityAction): Promise<void> {
    const { context } = dc;
    const t = tOf(context);
    if (isGroupChat(context)) return void (await context.sendActivity(t('groupChat.personalOnly')));
    if (action.action === 'activities.propose.cancel') return void (await context.sendActivity(t('activities.unchanged')));
    try {
      const groupId = ('groupId' in action && action.groupId) || (await defaultGroupId(this.deps, context));
      if (!groupId) return void (await context.sendActivity(t('errors.NOT_IN_GROUP')));
      switch (action.action) {
        case 'activities.home':
          return await this.actions.home(context, groupId);
        case 'activities.ideas':
          return await this.actions.ideas(context, groupId);
        case 'activities.propose':
          return await this.actions.showForm(context, action, groupId);
        case 'activities.proposeSteps':
          await dc.beginDialog(ActivityDialogIds.proposeSteps, { groupId });
          return;
        case 'activities.propose.save':
          return await this.actions.saveForm(context, action);
        case 'activities.withdraw':
          return await this.actions.withdraw(context, action);
        case 'activities.round.new':
          return await this.actions.roundForm(context, groupId);
        case 'activities.round.open':
          return await this.actions.openRound(context, action);
        case 'activities.round.show':
          return await this.actions.showRound(context, groupId, action.roundId);
        case 'activities.vote':
          return await this.actions.vote(context, action);
        case 'activities.refresh':
          return await this.actions.showRound(context, groupId, action.roundId);
        case 'activities.pick':
          return await this.actions.pick(context, action);
        case 'activities.schedule':
          await this.deps.activities.rounds.winner(userIdOf(context), groupId, action.roundId);
          await dc.beginDialog(ActivityDialogIds.scheduleWinner, { groupId, roundId: action.roundId });
          return;
        case 'activities.settings.save':
          return await this.actions.saveSettings(context, action);
      }
    } catch (e) {
      await context.sendActivity(activityErrorText(t, e));
    }
  }

}
