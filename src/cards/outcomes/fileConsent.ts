import { z } from 'zod';
import { uploadInfoSchema } from '../shared/teamsFiles';

/**
 * Teams personal chat: a bot sends a file only through a file consent card; the person's answer comes
 * back as the invoke `fileConsent/invoke` with the context given here. Only the stored file's id
 * travels in the card, never its content.
 */
export const reportConsentKind = 'outcomesReport';

export function reportConsentCard(name: string, description: string, sizeInBytes: number, fileId: string) {
  const context = { kind: reportConsentKind, fileId };
  return { contentType: 'application/vnd.microsoft.teams.card.file.consent', name, content: { description, sizeInBytes, acceptContext: context, declineContext: context } };
}

/** Teams' answer to a report file's consent card. */
export const reportConsentValue = z.object({
  type: z.literal('fileUpload'),
  action: z.enum(['accept', 'decline']),
  context: z.looseObject({ kind: z.literal(reportConsentKind), fileId: z.string().uuid() }),
  uploadInfo: uploadInfoSchema.optional(),
});

/** Whether a consent answer is about a report file (the bot then hands it to the outcomes feature). */
export const isReportConsent = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { context?: { kind?: unknown } }).context?.kind === reportConsentKind;
