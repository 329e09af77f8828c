import type { Group } from '../../domain/groups';
import type { GuidanceMessage, UndeliveredReason } from '../../domain/leader';
import type { Locale } from '../../domain/shared/locale';
import type { OutboundMessage } from '../shared/ports';

/** The private threads: every message in the participant's partition of `users`. */
export interface ThreadRepository {
  create(message: GuidanceMessage): Promise<GuidanceMessage>;
  get(participantId: string, messageId: string): Promise<GuidanceMessage | undefined>;
  /** Replaces only if unchanged since read (CONFLICT otherwise). */
  replace(message: GuidanceMessage): Promise<GuidanceMessage>;
  /** The newest `limit` messages between this participant and this leader in this group, oldest first. */
  listThread(participantId: string, groupId: string, leaderId: string, limit: number): Promise<GuidanceMessage[]>;
  /** The leader erased their data: their id leaves every thread they had (the participants' copies stay). */
  detachLeader(leaderId: string): Promise<number>;
}

/** A message arriving to one of the two: from the leader to the participant, or the answer back. */
export interface IncomingRequest {
  kind: 'incoming';
  locale: Locale;
  group: Group;
  message: GuidanceMessage;
  /** The sender's name as the recipient knows it (undefined: the leader has not given one). */
  fromName?: string;
}

/** Told to the sender: it did not arrive, why, and a way to try again. */
export interface UndeliveredRequest {
  kind: 'undelivered';
  locale: Locale;
  group: Group;
  message: GuidanceMessage;
  reason: UndeliveredReason;
  /** The recipient's name as the sender knows them. */
  toName?: string;
}

/** Turns guidance messages into cards (implemented in src/cards/leader). */
export interface GuidanceRenderer {
  render(request: IncomingRequest | UndeliveredRequest): OutboundMessage;
}
