import type { CheckIn, NextStepOutcome } from '../../domain/checkins';
import type { Group } from '../../domain/groups';
import type { DigestSettings, DigestSettingsDoc, Reason } from '../../domain/leader';
import type { Meeting } from '../../domain/meetings';
import type { Locale } from '../../domain/shared/locale';
import type { OutboundMessage } from '../shared/ports';

/** The leader's digest settings, in their own partition of `users`. */
export interface DigestSettingsRepository {
  get(userId: string): Promise<DigestSettingsDoc | undefined>;
  /** The leader's own settings: last write wins. */
  save(doc: DigestSettingsDoc): Promise<DigestSettingsDoc>;
}

export interface UpcomingMeeting {
  meeting: Meeting;
  yes: string[];
  no: string[];
  maybe: string[];
  unanswered: string[];
}

/** Why the bot cannot reach someone: they removed or blocked it, or never opened a chat with it. */
export type UnreachableWhy = 'removed' | 'never_opened';

/**
 * What one group's digest shows, names as the group knows them. Check-ins: how many per person, and
 * in full only those the person shared with the leader; the next steps only of shared entries. Votes:
 * who has not voted, never what anyone voted.
 */
export interface GroupDigest {
  group: Group;
  upcoming: UpcomingMeeting[];
  openRound?: { deadline: string; notVoted: string[] };
  lastMeeting?: { meeting: Meeting; present: string[]; absent: string[]; unmarked: string[] };
  checkIns: Array<{ name: string; count: number; shared: CheckIn[] }>;
  nextSteps: Array<{ name: string; text: string; date?: string; outcome?: NextStepOutcome }>;
  unreachable: Array<{ name: string; why: UnreachableWhy }>;
  alerts: Array<{ name: string; reasons: Reason[] }>;
  /** Things each participant did per week (came, answered, voted, checked in), oldest week first. */
  engagement: { weekStarts: string[]; rows: Array<{ name: string; counts: number[] }> };
  /** Anything worth a card: otherwise the leader gets one line. */
  news: boolean;
}

export interface DigestMessageRequest {
  locale: Locale;
  /** The leader's zone: every time in the digest is shown in it. */
  zone: string;
  /** Check-ins and steps are counted from here (the last scheduled digest, or a week back). */
  since: string;
  groups: GroupDigest[];
  settings: DigestSettings;
}

/** Turns a digest into a message (implemented in src/cards/leader; the picture is drawn there). */
export interface DigestRenderer {
  render(request: DigestMessageRequest): Promise<OutboundMessage>;
}
