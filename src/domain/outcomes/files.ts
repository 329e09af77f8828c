import { z } from 'zod';

/**
 * A report file waiting for the leader's answer to Teams' file consent card. Stored (not kept in
 * memory) so a restart between the card and the answer loses nothing; it expires after a day. It
 * holds the CSV as sent: pseudonymous ids and counts, never a person's name.
 */
export const reportFileNames = ['outcomes-participants.csv', 'outcomes-summary.csv'] as const;
export type ReportFileName = (typeof reportFileNames)[number];
export const pendingFileTtlSeconds = 24 * 3600;

export const pendingFileSchema = z.object({
  type: z.literal('outcomePendingFile'),
  id: z.string().startsWith('pendingFile:'),
  /** The leader it was offered to: the file is in their partition and only they can take it. */
  userId: z.string(),
  fileId: z.string().uuid(),
  name: z.enum(reportFileNames),
  content: z.string().max(4_000_000),
  createdAt: z.iso.datetime({ offset: true }),
  _etag: z.string().optional(),
});
export type PendingFile = z.infer<typeof pendingFileSchema>;
export const pendingFileId = (fileId: string) => `pendingFile:${fileId}`;

/** The file is still to be had at `now` (the embedded store of local mode removes expired documents only daily). */
export const isFresh = (file: PendingFile, now: Date) => now.getTime() - Date.parse(file.createdAt) < pendingFileTtlSeconds * 1000;

/**
 * REPORT_READERS: user ids (`msteams:{aadObjectId}`, as in LEADER_IDS) or bare Azure AD object ids.
 * A bare id matches only a Teams user, because only Teams vouches for the AAD object id.
 */
export const isReportReader = (readers: readonly string[], userId: string) => readers.some((r) => r === userId || `msteams:${r}` === userId);
