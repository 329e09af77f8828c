import { languagePayload, languageSetPayload, limitsOpenPayload, limitsPayload, onboardPayload, privacyPayload } from '../../src/cards/people/payloads';
import { tOf } from '../shared/context';
import { dialogAction, formAnswer, handler, type FeatureRoutes } from '../shared/routes';
import { LeaderStartDialog } from './leaderStartDialog';
import { LanguageDialog } from './languageDialog';
import { LimitsDialog } from './limitsDialog';
import { OnboardingDialog } from './onboardingDialog';
import { PrivacyDialog } from './privacyDialog';
import { PeopleDialogIds } from './dialogIds';

/** People: getting started (consent), one's limits, language and data. */
export const peopleRoutes: FeatureRoutes = {
  dialogs: [(d) => new OnboardingDialog(d), (d) => new LeaderStartDialog(d), (d) => new LimitsDialog(d), (d) => new LanguageDialog(d), (d) => new PrivacyDialog(d)],
  actions: [
    handler({
      action: 'onboard',
      schema: onboardPayload,
      roles: ['anyone'],
      keywords: { fi: ['aloita'], sv: ['kom igång'], en: ['get started'] },
      // A leader's start asks only the name participants see; a participant's asks consent and limits.
      handle: async (turn, _p, deps) => {
        const leader = deps.users.isLeader(await turn.user(), turn.userId);
        await turn.dc.beginDialog(leader ? PeopleDialogIds.leaderStart : PeopleDialogIds.onboarding);
      },
    }),
    dialogAction({
      action: 'limits',
      schema: limitsOpenPayload,
      roles: ['anyone'],
      dialog: PeopleDialogIds.limits,
      keywords: { fi: ['rajat', 'omat rajat'], sv: ['gränser', 'mina gränser'], en: ['limits', 'my limits'] },
    }),
    dialogAction({ action: 'language', schema: languagePayload, roles: ['anyone'], dialog: PeopleDialogIds.language, keywords: { fi: ['kieli'], sv: ['språk'], en: ['language'] } }),
    dialogAction({
      action: 'privacy',
      schema: privacyPayload,
      roles: ['anyone'],
      dialog: PeopleDialogIds.privacy,
      keywords: { fi: ['tietosuoja', 'omat tiedot'], sv: ['integritet', 'mina uppgifter'], en: ['privacy', 'my data'] },
    }),
    formAnswer({ action: 'limits.save', schema: limitsPayload, roles: ['anyone'] }),
    handler({
      action: 'language.set',
      schema: languageSetPayload,
      roles: ['anyone'],
      inPassing: true,
      // Kept from now on: the stored language wins over what the client says.
      handle: async (turn, p, deps) => {
        await deps.users.setLocale(turn.userId, p.locale);
        turn.context.activity.locale = p.locale;
        await turn.showMenu(tOf(turn.context)('welcome.personal'));
      },
    }),
  ],
  menu: [
    { action: 'onboard', section: 'main', order: 10, visible: (v) => !v.inGroupChat && !v.consented && !v.leader && !v.leadsGroups },
    // Limits are a participant's; a leader's row under "more" has the leader's tools instead.
    { action: 'limits', section: 'settings', order: 30, visible: (v) => !v.inGroupChat && v.consented && !v.leadsGroups },
    { action: 'language', section: 'settings', order: 40, visible: (v) => !v.inGroupChat },
    { action: 'privacy', section: 'settings', order: 50, visible: (v) => !v.inGroupChat },
  ],
};
