import { alertFeedbackPayload, glancePayload } from '../../src/cards/leader/payloads';
import { handler, type FeatureRoutes } from '../shared/routes';
import { digestActions, digestMenu } from './digestRoutes';
import { LeaderActions } from './leaderActions';
import { guidanceActions, guidanceDialogs, guidanceMenu, reachOut } from './guidanceRoutes';

/** The leader's side: the group at a glance and the answers to early-warning alerts. Leaders only. */
export const leaderRoutes: FeatureRoutes = {
  dialogs: [...guidanceDialogs],
  actions: [
    handler({
      action: 'leader.glance',
      schema: glancePayload,
      roles: ['leader'],
      keywords: { fi: ['tilanne', 'ryhmän tilanne'], sv: ['läget', 'gruppen i korthet'], en: ['glance', 'group at a glance'] },
      handle: (turn, _p, deps) => new LeaderActions(deps).glance(turn.context),
    }),
    handler({
      action: 'leader.alertFeedback',
      schema: alertFeedbackPayload,
      roles: ['leader'],
      inPassing: true,
      handle: (turn, p, deps) => (p.answer === 'reach_out' ? reachOut(turn, p, deps) : new LeaderActions(deps).feedback(turn.context, p)),
    }),
    ...digestActions,
    ...guidanceActions,
  ],
  menu: [{ action: 'leader.glance', section: 'main', order: 46, visible: (v) => !v.inGroupChat && v.leadsGroups }, ...digestMenu, ...guidanceMenu],
};
