import type { TurnContext } from 'botbuilder';
import type { z } from 'zod';
import { datesPayload, followUpPayload, notePayload, outcomesHomePayload, recordFormPayload, recordSavePayload, reportPayload, serviceReportPayload } from '../../src/cards/outcomes';
import type { CardPayload } from '../shared/cardPrompt';
import { tOf, userIdOf, type DialogDeps } from '../shared/context';
import { handler, type ActionTurn, type FeatureRoutes, type Keywords, type Role } from '../shared/routes';
import { OutcomeActions, outcomeErrorText } from './actions';

/** The group an action without a group id is about: the participant's own, or the first one a leader leads. */
async function defaultGroup(deps: DialogDeps, context: TurnContext): Promise<string | undefined> {
  const user = await deps.users.get(userIdOf(context));
  return user?.leadsGroupIds[0] ?? user?.groupId;
}

/** One outcomes action in this turn; outcome and domain errors become a sentence. */
function answer<S extends z.ZodType<CardPayload>>(
  action: string,
  schema: S,
  roles: readonly Role[],
  run: (a: OutcomeActions, turn: ActionTurn, payload: z.infer<S>, deps: DialogDeps) => Promise<void>,
  keywords?: Keywords,
) {
  return handler({
    action,
    schema,
    roles,
    ...(keywords ? { keywords } : {}),
    handle: async (turn, payload, deps) => {
      try {
        await run(new OutcomeActions(deps), turn, payload, deps);
      } catch (e) {
        await turn.context.sendActivity(outcomeErrorText(tOf(turn.context), e));
      }
    },
  });
}

/** Outcomes: the leader's ledger, the participant's own view and note, the 4-month follow-up, the programme report. */
export const outcomesRoutes: FeatureRoutes = {
  dialogs: [],
  actions: [
    answer(
      'outcomes.home',
      outcomesHomePayload,
      ['participant', 'leader'],
      async (a, turn, p, deps) => {
        const groupId = p.groupId ?? (await defaultGroup(deps, turn.context));
        if (!groupId) return void (await turn.context.sendActivity(tOf(turn.context)('errors.NOT_IN_GROUP')));
        await a.home(turn.context, groupId);
      },
      { fi: ['tulokset', 'tilanteet'], sv: ['resultat', 'utfall'], en: ['outcomes', 'results'] },
    ),
    answer('outcomes.record', recordFormPayload, ['leader'], (a, turn, p) => a.recordForm(turn.context, p.groupId, p.userId, p.supersedes)),
    answer('outcomes.record.save', recordSavePayload, ['leader'], (a, turn, p) => a.save(turn.context, p)),
    answer('outcomes.followUp', followUpPayload, ['leader'], (a, turn, p) => a.followUp(turn.context, p.groupId, p.userId, p.entryId, p.stillEmployed)),
    answer('outcomes.dates.save', datesPayload, ['leader'], (a, turn, p) => a.dates(turn.context, p.groupId, p.startDate, p.endDate)),
    answer('outcomes.note.save', notePayload, ['participant'], (a, turn, p) => a.note(turn.context, p.groupId, p.note, p.requestId)),
    answer('outcomes.report', reportPayload, ['leader'], (a, turn, p) => a.report(turn.context, p.groupId), {
      fi: ['raportti', 'tulosraportti'],
      sv: ['rapport'],
      en: ['report', 'programme report'],
    }),
    // Open to anyone who types it; the service gives it only to REPORT_READERS and refuses everyone else in words.
    answer('outcomes.serviceReport', serviceReportPayload, ['anyone'], (a, turn) => a.serviceReport(turn.context), {
      fi: ['palveluraportti', 'koko palvelun raportti'],
      sv: ['tjänsterapport', 'rapport för hela tjänsten'],
      en: ['service report', 'service-wide report'],
    }),
  ],
  menu: [
    { action: 'outcomes.home', section: 'tools', order: 30, visible: (v) => !v.inGroupChat && v.leadsGroups },
    { action: 'outcomes.report', section: 'tools', order: 40, visible: (v) => !v.inGroupChat && v.leadsGroups },
    { action: 'outcomes.serviceReport', section: 'tools', order: 50, visible: (v) => !v.inGroupChat && v.reportReader === true },
  ],
};
