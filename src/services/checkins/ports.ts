import type { CheckIn } from '../../domain/checkins';
import type { Locale } from '../../domain/shared/locale';
import type { OutboundMessage } from '../shared/ports';

/** The words of check-in messages the scheduler sends on its own (built in src/cards, where the locales are). */
export interface CheckInMessages {
  nextStepReminder(locale: Locale, step: string): OutboundMessage;
  /** To the leader: only that the member asked for contact — never what they wrote. */
  contactRequest(locale: Locale, memberName: string): OutboundMessage;
}

/** Check-ins live in the person's own partition of the `users` container (see src/store/checkins). */
export interface CheckInRepository {
  /** Idempotent per id: a repeated submit of one dialog run overwrites the same entry. */
  put(checkIn: CheckIn): Promise<CheckIn>;
  get(userId: string, checkInId: string): Promise<CheckIn | undefined>;
  /** The person's check-ins, newest first. */
  listByUser(userId: string, limit: number): Promise<CheckIn[]>;
  /** One member's check-ins made while in this group, newest first (the leader's view reads these). */
  listInGroup(userId: string, groupId: string, limit: number): Promise<CheckIn[]>;
}

/** Whom a person's data is found by: their user id and the channel's own id of them (in dialog-state keys). */
export interface PersonKeys {
  userId: string;
  channelUserId?: string;
}

/** Every stored document about one person, by container. */
export type PersonalData = Record<string, Array<Record<string, unknown>>>;

/** Reads and erases everything of one person in every container. */
export interface PersonalDataStore {
  collect(person: PersonKeys): Promise<PersonalData>;
  /** Deletes every document that carries the person's id; returns how many per container. */
  erase(person: PersonKeys): Promise<Record<string, number>>;
  /** The leader's roster shows that someone left, without saying who. */
  recordDeparture(groupId: string, at: Date): Promise<void>;
  departures(groupId: string): Promise<string[]>;
}
