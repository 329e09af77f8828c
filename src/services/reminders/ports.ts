import type { Pause, ReminderPrefs } from '../../domain/reminders';


/** A person's reminder preferences: one document `reminderPrefs` in the person's partition. */
export interface ReminderPrefsRepository {
  get(userId: string): Promise<ReminderPrefs | undefined>;
  save(prefs: ReminderPrefs): Promise<ReminderPrefs>;
}

/** The current pause (`pause`) and the history of all pauses (`pause:{createdAt}`). */
export interface PauseRepository {
  current(userId: string): Promise<Pause | undefined>;
  /** Writes the pause as the current one and into the history. */
  save(pause: Pause): Promise<void>;
  history(userId: string): Promise<Pause[]>;
}

/** Re-plans a member's reminders of upcoming meetings after their settings changed (the meetings feature's service). */
export interface MeetingReplanner {
  replanMember(groupId: string, userId: string): Promise<unknown>;
}
