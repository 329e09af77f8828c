import { z } from 'zod';

/** What Teams hands back in `fileConsent/invoke` when a person accepts a file: where to PUT it, and where it will be. */
export const uploadInfoSchema = z.looseObject({
  uploadUrl: z.url(),
  contentUrl: z.string().min(1),
  name: z.string().min(1).max(255),
  uniqueId: z.string().optional(),
  fileType: z.string().optional(),
});
export type UploadInfo = z.infer<typeof uploadInfoSchema>;

/** After the upload: the card that shows the file in the chat. */
export const fileInfoCard = (uploadInfo: UploadInfo, fileType: string) => ({
  contentType: 'application/vnd.microsoft.teams.card.file.info',
  contentUrl: uploadInfo.contentUrl,
  name: uploadInfo.name,
  content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType ?? fileType },
});
