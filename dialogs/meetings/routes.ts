import {
  attendanceOpenPayload,
  attendancePayload,
  rsvpPayload,
  meetingCancelPayload,
  meetingFormPayload,
  meetingMovePayload,
  meetingNewPayload,
  meetingsPayload,
} from '../../src/cards/meetings/payloads';
import { dialogAction, formAnswer, handler, type FeatureRoutes } from '../shared/routes';
import { CancelMeetingDialog } from './cancelMeetingDialog';
import { MeetingActions } from './meetingActions';
import { MoveMeetingDialog } from './moveMeetingDialog';
import { ScheduleMeetingDialog } from './scheduleMeetingDialog';
import { MeetingsDialogIds } from './dialogIds';

/** Meetings: schedule, move, cancel, RSVP, attendance. */
export const meetingsRoutes: FeatureRoutes = {
  dialogs: [(d) => new ScheduleMeetingDialog(d), (d) => new MoveMeetingDialog(d), (d) => new CancelMeetingDialog(d)],
  actions: [
    handler({
      action: 'meetings',
      schema: meetingsPayload,
      roles: ['anyone'],
      keywords: { fi: ['tapaamiset'], sv: ['träffar', 'möten'], en: ['meetings', 'sessions'] },
      handle: (turn, _p, deps) => new MeetingActions(deps).showMeetings(turn.context),
    }),
    dialogAction({ action: 'meeting.new', schema: meetingNewPayload, roles: ['leader'], dialog: MeetingsDialogIds.scheduleMeeting, options: (p) => ({ groupId: p.groupId }) }),
    dialogAction({
      action: 'meeting.move',
      schema: meetingMovePayload,
      roles: ['leader'],
      dialog: MeetingsDialogIds.moveMeeting,
      options: (p) => ({ groupId: p.groupId, meetingId: p.meetingId }),
    }),
    dialogAction({
      action: 'meeting.cancel',
      schema: meetingCancelPayload,
      roles: ['leader'],
      dialog: MeetingsDialogIds.cancelMeeting,
      options: (p) => ({ groupId: p.groupId, meetingId: p.meetingId }),
    }),
    handler({ action: 'attendance', schema: attendanceOpenPayload, roles: ['leader'], handle: (turn, p, deps) => new MeetingActions(deps).showAttendance(turn.context, p) }),
    handler({
      action: 'attendance.save',
      schema: attendancePayload,
      roles: ['leader'],
      inPassing: true,
      handle: (turn, p, deps) => new MeetingActions(deps).saveAttendance(turn.context, p),
    }),
    handler({ action: 'rsvp', schema: rsvpPayload, roles: ['anyone'], inPassing: true, handle: (turn, p, deps) => new MeetingActions(deps).rsvp(turn.context, p) }),
    formAnswer({ action: 'meeting.save', schema: meetingFormPayload, roles: ['anyone'] }),
  ],
  menu: [{ action: 'meetings', section: 'main', order: 40, visible: (v) => !v.inGroupChat && (v.leadsGroups || v.inGroup) }],
};
