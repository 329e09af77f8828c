import type { InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { fileInfoCard, uploadInfoSchema } from '../../src/cards/shared/teamsFiles';
import { tOf, type RouterDeps } from '../shared/context';
import { personOf } from './deps';

/** PUTs bytes to the upload URL Teams gave (the person's OneDrive); the bot supplies it. */
export type FileUploader = (uploadUrl: string, body: Buffer) => Promise<void>;

/** What Teams sends back when the person accepts or declines the file (invoke `fileConsent/invoke`). */
export const fileConsentValue = z.object({
  type: z.literal('fileUpload'),
  action: z.enum(['accept', 'decline']),
  context: z.looseObject({ kind: z.literal('myData') }).nullish(),
  uploadInfo: uploadInfoSchema.optional(),
});

export const myDataFileName = (day: string) => `group-coach-my-data-${day}.json`;

export async function myDataJson(deps: RouterDeps, context: TurnContext): Promise<{ json: Buffer; day: string }> {
  const exported = await deps.checkins.myData.export(personOf(context));
  return { json: Buffer.from(JSON.stringify(exported, null, 2)), day: exported.exportedAt.slice(0, 10) };
}

/** Teams (personal chat): a bot sends a file only after the person accepts it, into their own OneDrive. */
export function fileConsentCard(description: string, name: string, sizeInBytes: number) {
  return {
    contentType: 'application/vnd.microsoft.teams.card.file.consent',
    name,
    content: { description, sizeInBytes, acceptContext: { kind: 'myData' }, declineContext: { kind: 'myData' } },
  };
}

/**
 * The answer to the consent card: on accept the export is made again (it may have changed), uploaded
 * to the URL Teams gave, and the file shown in the chat; on decline nothing is sent. Always 200, so
 * Teams does not show an error; a failed upload is said in words.
 */
export async function onMyDataFileConsent(context: TurnContext, deps: RouterDeps, upload: FileUploader): Promise<InvokeResponse> {
  const t = tOf(context);
  const parsed = fileConsentValue.safeParse(context.activity.value);
  if (!parsed.success || parsed.data.context?.kind !== 'myData') return { status: 400 };
  const { action, uploadInfo } = parsed.data;
  if (action === 'decline' || !uploadInfo) {
    await context.sendActivity(t('checkins.myData.declined'));
    return { status: 200 };
  }
  try {
    const { json } = await myDataJson(deps, context);
    await upload(uploadInfo.uploadUrl, json);
    await context.sendActivity({
      text: t('checkins.myData.sent'),
      attachments: [fileInfoCard(uploadInfo, 'json')],
    });
  } catch {
    await context.sendActivity(t('checkins.myData.uploadFailed'));
  }
  return { status: 200 };
}
