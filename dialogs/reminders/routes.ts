import { pauseEndPayload, pauseOpenPayload, pausePayload, remindersOpenPayload, remindersPayload, snoozePayload } from '../../src/cards/reminders/payloads';
import { dialogAction, formAnswer, handler, type FeatureRoutes } from '../shared/routes';
import { PauseDialog } from './pauseDialog';
import { ReminderActions } from './reminderActions';
import { ReminderSettingsDialog } from './reminderSettingsDialog';
import { RemindersDialogIds } from './dialogIds';

/** Reminders: settings, quiet hours, pause, snooze. */
export const remindersRoutes: FeatureRoutes = {
  dialogs: [(d) => new ReminderSettingsDialog(d), (d) => new PauseDialog(d)],
  actions: [
    dialogAction({
      action: 'reminders',
      schema: remindersOpenPayload,
      roles: ['anyone'],
      dialog: RemindersDialogIds.reminderSettings,
      keywords: { fi: ['muistutukset'], sv: ['påminnelser'], en: ['reminders', 'reminder settings'] },
    }),
    dialogAction({ action: 'pause', schema: pauseOpenPayload, roles: ['anyone'], dialog: RemindersDialogIds.pause, keywords: { fi: ['tauko'], sv: ['paus', 'pausa'], en: ['pause', 'take a break'] } }),
    handler({ action: 'pause.end', schema: pauseEndPayload, roles: ['anyone'], inPassing: true, handle: (turn, _p, deps) => new ReminderActions(deps).endPause(turn.context) }),
    handler({ action: 'snooze', schema: snoozePayload, roles: ['anyone'], inPassing: true, handle: (turn, p, deps) => new ReminderActions(deps).snooze(turn.context, p) }),
    formAnswer({ action: 'reminders.save', schema: remindersPayload, roles: ['anyone'] }),
    formAnswer({ action: 'pause.save', schema: pausePayload, roles: ['anyone'] }),
  ],
  menu: [
    { action: 'reminders', section: 'settings', order: 10, visible: (v) => !v.inGroupChat && v.inGroup },
    { action: 'pause', section: 'settings', order: 20, visible: (v) => !v.inGroupChat && v.inGroup },
  ],
};
