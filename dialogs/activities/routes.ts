import type { z } from 'zod';
import { activityAction, type ActivityAction } from '../../src/cards/activities';
import { tOf } from '../shared/context';
import { dialogAction, handler, type ActionTurn, type FeatureRoutes, type Keywords, type Role } from '../shared/routes';
import { ActivityActions } from './actions';
import { activityErrorText, defaultGroupId, type ActivitiesDeps } from './deps';
import { ActivityDialogIds } from './ids';
import { ProposeStepsDialog } from './proposeStepsDialog';
import { ScheduleWinnerDialog } from './scheduleWinnerDialog';

type Name = ActivityAction['action'];
type Of<N extends Name> = Extract<ActivityAction, { action: N }>;

/** The payload schema of one action, taken from the cards' union of activities payloads. */
const schemaOf = <N extends Name>(name: N) => activityAction.options.find((o) => o.shape.action.value === name) as unknown as z.ZodType<Of<N>>;

const members: Role[] = ['participant', 'leader'];

/**
 * One activities action answered in this turn. The router has checked the role; the services check the
 * group and the role in it again. Activity errors become a sentence here (the router knows only domain errors).
 */
function answer<N extends Name>(
  name: N,
  roles: readonly Role[],
  run: (a: ActivityActions, turn: ActionTurn, payload: Of<N>, groupId: string) => Promise<void>,
  extra: { inPassing?: boolean; keywords?: Keywords } = {},
) {
  return handler({
    action: name,
    schema: schemaOf(name),
    roles,
    ...extra,
    handle: async (turn, payload, deps) => {
      const t = tOf(turn.context);
      try {
        const groupId = ('groupId' in payload && (payload.groupId as string | undefined)) || (await defaultGroupId(deps, turn.context));
        if (!groupId) return void (await turn.context.sendActivity(t('errors.NOT_IN_GROUP')));
        await run(new ActivityActions(deps as ActivitiesDeps), turn, payload, groupId);
      } catch (e) {
        await turn.context.sendActivity(activityErrorText(t, e));
      }
    },
  });
}

/** Activities: propose (form, step by step, from an idea), vote rounds, result, schedule the winner. */
export const activitiesRoutes: FeatureRoutes = {
  dialogs: [(d) => new ProposeStepsDialog(d as ActivitiesDeps), (d) => new ScheduleWinnerDialog(d as ActivitiesDeps)],
  actions: [
    answer('activities.home', members, (a, turn, _p, groupId) => a.home(turn.context, groupId), {
      keywords: { fi: ['aktiviteetit', 'aktiviteetti'], sv: ['aktiviteter', 'aktivitet'], en: ['activities', 'activity'] },
    }),
    answer('activities.ideas', members, (a, turn, _p, groupId) => a.ideas(turn.context, groupId), {
      keywords: { fi: ['ideat', 'ideapankki', 'ideoita'], sv: ['idéer', 'idébank', 'idébanken'], en: ['ideas', 'idea library'] },
    }),
    answer('activities.propose', members, (a, turn, p, groupId) => a.showForm(turn.context, p, groupId)),
    dialogAction({
      action: 'activities.proposeSteps',
      schema: schemaOf('activities.proposeSteps'),
      roles: members,
      keywords: { fi: ['ehdota', 'ehdotus', 'ehdota aktiviteettia'], sv: ['föreslå', 'förslag'], en: ['propose', 'suggest', 'proposal'] },
      dialog: ActivityDialogIds.proposeSteps,
      options: (p) => ({ groupId: p.groupId }),
    }),
    answer('activities.propose.save', members, (a, turn, p) => a.saveForm(turn.context, p)),
    handler({
      action: 'activities.propose.cancel',
      schema: schemaOf('activities.propose.cancel'),
      roles: ['anyone'],
      handle: async (turn) => void (await turn.context.sendActivity(tOf(turn.context)('activities.unchanged'))),
    }),
    answer('activities.withdraw', members, (a, turn, p) => a.withdraw(turn.context, p)),
    answer('activities.round.new', ['leader'], (a, turn, _p, groupId) => a.roundForm(turn.context, groupId)),
    answer('activities.round.open', ['leader'], (a, turn, p) => a.openRound(turn.context, p)),
    answer('activities.round.show', members, (a, turn, p, groupId) => a.showRound(turn.context, groupId, p.roundId), {
      inPassing: true,
      keywords: { fi: ['äänestä', 'äänestys'], sv: ['rösta', 'omröstning'], en: ['vote', 'voting'] },
    }),
    answer('activities.refresh', members, (a, turn, p, groupId) => a.showRound(turn.context, groupId, p.roundId), { inPassing: true }),
    answer('activities.vote', members, (a, turn, p) => a.vote(turn.context, p), { inPassing: true }),
    answer('activities.pick', ['leader'], (a, turn, p) => a.pick(turn.context, p)),
    answer('activities.schedule', ['leader'], async (a, turn, p, groupId) => {
      await a.checkWinner(turn.context, groupId, p.roundId);
      await turn.dc.beginDialog(ActivityDialogIds.scheduleWinner, { groupId, roundId: p.roundId });
    }),
    answer('activities.settings.save', ['leader'], (a, turn, p) => a.saveSettings(turn.context, p)),
  ],
  menu: [{ action: 'activities.home', section: 'main', order: 45, visible: (v) => !v.inGroupChat && (v.inGroup || v.leadsGroups) }],
};
