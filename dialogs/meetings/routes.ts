import {
  attendanceOpenPayload,
  attendancePayload,
  rsvpPayload,
  sessionCancelPayload,
  sessionFormPayload,
  sessionMovePayload,
  sessionNewPayload,
  sessionsPayload,
} from '../../src/cards/meetings/payloads';
import { DialogIds } from '../shared/dialogIds';
import { dialogAction, formAnswer, handler, type FeatureRoutes } from '../shared/routes';
import { CancelSessionDialog } from './cancelMeetingDialog';
import { SessionActions } from './meetingActions';
import { MoveSessionDialog } from './moveMeetingDialog';
import { ScheduleSessionDialog } from './scheduleMeetingDialog';

/** Meetings: schedule, move, cancel, RSVP, attendance. */
export const meetingsRoutes: FeatureRoutes = {
  dialogs: [(d) => new ScheduleSessionDialog(d), (d) => new MoveSessionDialog(d), (d) => new CancelSessionDialog(d)],
  actions: [
    handler({
      action: 'sessions',
      schema: sessionsPayload,
      roles: ['anyone'],
      keywords: { fi: ['tapaamiset'], sv: ['träffar', 'möten'], en: ['meetings', 'sessions'] },
      handle: (turn, _p, deps) => new SessionActions(deps).showMeetings(turn.context),
    }),
    dialogAction({ action: 'session.new', schema: sessionNewPayload, roles: ['leader'], dialog: DialogIds.scheduleSession, options: (p) => ({ groupId: p.groupId }) }),
    dialogAction({
      action: 'session.move',
      schema: sessionMovePayload,
      roles: ['leader'],
      dialog: DialogIds.moveSession,
      options: (p) => ({ groupId: p.groupId, sessionId: p.sessionId }),
    }),
    dialogAction({
      action: 'session.cancel',
      schema: sessionCancelPayload,
      roles: ['leader'],
      dialog: DialogIds.cancelSession,
      options: (p) => ({ groupId: p.groupId, sessionId: p.sessionId }),
    }),
    handler({ action: 'attendance', schema: attendanceOpenPayload, roles: ['leader'], handle: (turn, p, deps) => new SessionActions(deps).showAttendance(turn.context, p) }),
    handler({
      action: 'attendance.save',
      schema: attendancePayload,
      roles: ['leader'],
      inPassing: true,
      handle: (turn, p, deps) => new SessionActions(deps).saveAttendance(turn.context, p),
    }),
    handler({ action: 'rsvp', schema: rsvpPayload, roles: ['anyone'], inPassing: true, handle: (turn, p, deps) => new SessionActions(deps).rsvp(turn.context, p) }),
    formAnswer({ action: 'session.save', schema: sessionFormPayload, roles: ['anyone'] }),
  ],
  menu: [{ action: 'sessions', section: 'main', order: 40, visible: (v) => !v.inGroupChat && (v.leadsGroups || v.inGroup) }],
};
