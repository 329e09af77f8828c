/**
 * The code says "meeting"; documents stored before the rename say "session" and keep saying it (a
 * rename would need a migration). Only the store knows: field names are mapped here on every read
 * and write, the document type 'session' and the id prefix 'session:' in src/store/meetings.
 */
const storedField: Record<string, string> = { meetingId: 'sessionId', meetingStartsAt: 'sessionStartsAt', meetingEndsAt: 'sessionEndsAt' };
const codeField = Object.fromEntries(Object.entries(storedField).map(([code, stored]) => [stored, code]));

function renameKeys(value: unknown, names: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, names));
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [names[k] ?? k, renameKeys(v, names)]));
}

/** A document as the code names its fields → as it is stored. */
export const toStored = <T>(doc: T): T => renameKeys(doc, storedField) as T;
/** A stored document → the code's field names (before the zod parse). */
export const fromStored = (raw: unknown): unknown => renameKeys(raw, codeField);
