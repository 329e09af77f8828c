/**
 * Card actions as cards made before the rename to "meeting" named them. Such cards are still in
 * people's chats: a button of one is read as today's action, with today's field names, and is then
 * validated by today's schema like any other (what no longer parses is a stale card, and the
 * services still check that the meeting exists, is the person's, is not cancelled).
 * Old names from git history (src/cards/actions.ts before the feature folders).
 */
export const legacyActions: Readonly<Record<string, string>> = {
  sessions: 'meetings',
  'session.new': 'meeting.new',
  'session.move': 'meeting.move',
  'session.cancel': 'meeting.cancel',
  // Same action names, but they carried `sessionId`.
  rsvp: 'rsvp',
  attendance: 'attendance',
  'attendance.save': 'attendance.save',
};

const legacyFields: Readonly<Record<string, string>> = { sessionId: 'meetingId' };

/** An old card's payload as today's action; anything else is returned as it is. */
export function currentPayload(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const { action } = value as { action?: unknown };
  if (typeof action !== 'string' || !Object.hasOwn(legacyActions, action)) return value;
  const entries = Object.entries(value).map(([key, v]) => [Object.hasOwn(legacyFields, key) && !(legacyFields[key]! in value) ? legacyFields[key]! : key, v]);
  return { ...Object.fromEntries(entries), action: legacyActions[action] };
}
