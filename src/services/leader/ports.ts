import type { Group } from '../../domain/groups';
import type { Alert, Contact, Observation, WatchState } from '../../domain/leader';
import type { Locale } from '../../domain/shared/locale';
import type { Versioned } from '../../domain/shared/version';
import type { OutboundMessage } from '../shared/ports';

/** Watch states, alerts and contacts: all in the group's partition of the `groups` container. */
export interface LeaderRepository {
  listStates(groupId: string): Promise<WatchState[]>;
  saveState(state: WatchState): Promise<WatchState>;
  /** Creates it, or returns the one already there (a repeated evaluation of the same day). */
  createAlert(alert: Alert): Promise<Versioned<Alert>>;
  getAlert(groupId: string, alertId: string): Promise<Versioned<Alert> | undefined>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replaceAlert(alert: Versioned<Alert>): Promise<Versioned<Alert>>;
  listAlerts(groupId: string): Promise<Versioned<Alert>[]>;
  addContact(contact: Contact): Promise<Contact>;
  listContacts(groupId: string, userId: string): Promise<Contact[]>;
  /** Every watch state, alert and contact about this person, in any group ("forget me"). */
  deleteAllAbout(userId: string): Promise<number>;
}

/**
 * One kind of signal the leader may see (meetings, reachability; later votes and check-ins): what
 * happened in the window, per participant, as observations. Adding a signal = adding a source.
 */
export interface SignalSource {
  collect(group: Group, window: { from: string; to: string }): Promise<Observation[]>;
}

/** Everything a renderer needs to word an alert to the leader. */
export interface AlertMessageRequest {
  locale: Locale;
  group: Group;
  alert: Alert;
  /** The participant's name as the group knows it. */
  name: string;
}

/** Turns an alert into a card (implemented in src/cards/leader). */
export interface AlertRenderer {
  render(request: AlertMessageRequest): OutboundMessage;
}
