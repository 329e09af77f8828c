import type { DialogContext } from 'botbuilder-dialogs';
import { exportPayload, leaderPayload, reflectionsPayload, saveCheckInPayload, sharePayload, startPayload, stepwisePayload } from '../../src/cards/checkins';
import { soundsDistressed } from '../../src/domain/checkins';
import { isGroupChat, tOf, type RouterDeps } from '../shared/context';
import { dialogAction, handler, type FeatureRoutes } from '../shared/routes';
import { CheckInActions } from './actions';
import { answersFromCard, CheckInDialog, type CheckInOptions, type CheckInResult } from './checkInDialog';
import { CheckInDialogIds } from './deps';
import { SafetyDialog } from './safetyDialog';

/** After a check-in ended: one that heard distress hands over to the safety answer at the top of the stack. */
export async function afterCheckIn(dc: DialogContext, result: unknown): Promise<void> {
  if ((result as CheckInResult | undefined)?.safety) await dc.beginDialog(CheckInDialogIds.safety);
}

/**
 * Distress in any free message (the router asks before anything else): the safety answer comes first,
 * whatever was going on — a distress message is never an answer to a form or to a yes/no. Inside a
 * check-in the answers are heard when it is saved, so it is never interrupted. True when handled.
 */
export async function distressFirst(dc: DialogContext, text: string, deps: RouterDeps): Promise<boolean> {
  if (isGroupChat(dc.context) || !soundsDistressed(text, deps.checkins.distressPhrases)) return false;
  if (dc.activeDialog?.id === CheckInDialogIds.checkIn) return false;
  if (dc.activeDialog) await dc.cancelAllDialogs();
  await dc.beginDialog(CheckInDialogIds.safety);
  return true;
}

/** Check-ins: after a meeting or any time; my reflections; the leader's view; my data as a file. */
export const checkinsRoutes: FeatureRoutes = {
  dialogs: [(d) => new CheckInDialog(d), (d) => new SafetyDialog(d)],
  actions: [
    dialogAction({
      action: 'checkins.start',
      schema: startPayload,
      roles: ['member'],
      dialog: CheckInDialogIds.checkIn,
      options: (p) => (p.meetingId ? { meetingId: p.meetingId } : {}) satisfies CheckInOptions,
      keywords: { fi: ['check-in', 'checkin', 'tee check-in', 'fiilis'], sv: ['checka in', 'incheckning'], en: ['check in', 'check-in', 'checkin'] },
    }),
    handler({
      action: 'checkins.save',
      schema: saveCheckInPayload,
      roles: ['member'],
      inPassing: true,
      handle: async (turn, p, deps) => {
        if (turn.dc.activeDialog?.id === CheckInDialogIds.checkIn) return afterCheckIn(turn.dc, (await turn.dc.continueDialog()).result);
        // An older card (its check-in ended or was lost): what the person wrote is kept all the same, once per card.
        if (turn.dc.activeDialog) await turn.dc.cancelAllDialogs();
        const requestId = p.requestId ?? turn.context.activity.id ?? `card-${deps.clock.now().getTime()}`;
        const { checkIn, lowMoodTwice } = await deps.checkins.checkIns.save(turn.userId, requestId, answersFromCard(p), p.meetingId);
        const t = tOf(turn.context);
        await turn.context.sendActivity(t(!checkIn ? 'checkins.saved.nothing' : checkIn.shared ? 'checkins.saved.shared' : 'checkins.saved.private'));
        const words = [p.did, p.strengthsOther, p.nextStep].some((x) => soundsDistressed(x, deps.checkins.distressPhrases));
        if (words || lowMoodTwice) await turn.dc.beginDialog(CheckInDialogIds.safety);
      },
    }),
    handler({
      action: 'checkins.stepwise',
      schema: stepwisePayload,
      roles: ['member'],
      inPassing: true,
      handle: async (turn) => {
        if (turn.dc.activeDialog?.id === CheckInDialogIds.checkIn) return void (await turn.dc.continueDialog());
        if (turn.dc.activeDialog) await turn.dc.cancelAllDialogs();
        await turn.dc.beginDialog(CheckInDialogIds.checkIn, {});
      },
    }),
    handler({
      action: 'checkins.reflections',
      schema: reflectionsPayload,
      roles: ['member'],
      // Pressed on the check-in card: the check-in stays open.
      inPassing: true,
      keywords: { fi: ['omat pohdinnat', 'pohdinnat', 'vahvuudet', 'omat vahvuudet'], sv: ['mina reflektioner', 'reflektioner', 'mina styrkor', 'styrkor'], en: ['my reflections', 'reflections', 'my strengths', 'strengths'] },
      handle: (turn, _p, deps) => new CheckInActions(deps).showReflections(turn.context),
    }),
    handler({
      action: 'checkins.share',
      schema: sharePayload,
      roles: ['member'],
      inPassing: true,
      handle: (turn, p, deps) => new CheckInActions(deps).share(turn.context, p.checkInId, p.shared),
    }),
    handler({
      action: 'checkins.leader',
      schema: leaderPayload,
      roles: ['leader'],
      keywords: { fi: ['ryhmän check-init'], sv: ['gruppens incheckningar'], en: ['group check-ins'] },
      handle: (turn, p, deps) => new CheckInActions(deps).showLeaderView(turn.context, p.groupId),
    }),
    handler({
      action: 'checkins.export',
      schema: exportPayload,
      roles: ['anyone'],
      inPassing: true,
      handle: (turn, _p, deps) => new CheckInActions(deps).exportMyData(turn.context),
    }),
  ],
  menu: [
    // At most four buttons before "more" on a phone: in local mode (anyone may lead) a member of a group
    // already sees "create a group", so there the check-in is reached by the prompt after a meeting and by its keywords.
    { action: 'checkins.start', section: 'main', order: 44, visible: (v) => !v.inGroupChat && v.consented && !v.leadsGroups },
  ],
};

