import type { InvokeResponse, TurnContext } from 'botbuilder';
import { reportConsentValue } from '../../src/cards/outcomes';
import { fileInfoCard } from '../../src/cards/shared/teamsFiles';
import { isOutcomeError } from '../../src/domain/outcomes';
import { tOf, userIdOf, type DialogDeps } from '../shared/context';

/** PUTs bytes to the upload URL Teams gave (the leader's OneDrive); the bot supplies it. */
export type ReportUploader = (uploadUrl: string, body: Buffer) => Promise<void>;

/**
 * The leader's answer to a report file's consent card (invoke `fileConsent/invoke`). Accept: the
 * stored file is PUT to the upload URL, shown with a file info card, and no longer kept. Decline: a
 * kind word, and the file is dropped. An answer naming a file this person was not offered (forged,
 * someone else's, expired) records nothing: 404 with a sentence; a malformed one 400.
 */
export async function onReportFileConsent(context: TurnContext, deps: DialogDeps, upload: ReportUploader): Promise<InvokeResponse> {
  const t = tOf(context);
  const parsed = reportConsentValue.safeParse(context.activity.value);
  if (!parsed.success) return { status: 400 };
  const { action, uploadInfo, context: { fileId } } = parsed.data;
  const userId = userIdOf(context);
  const files = deps.outcomes.files;
  let file;
  try {
    file = await files.get(userId, fileId);
  } catch (e) {
    if (!isOutcomeError(e)) throw e;
    await context.sendActivity(t(`outcomes.errors.${e.code}`));
    return { status: 404 };
  }
  if (action === 'decline' || !uploadInfo) {
    await files.done(userId, fileId);
    await context.sendActivity(t('outcomes.files.declined'));
    return { status: 200 };
  }
  try {
    await upload(uploadInfo.uploadUrl, Buffer.from(file.content, 'utf8'));
  } catch {
    // Nothing is lost: the file stays until it expires, and a new report makes new files.
    await context.sendActivity(t('outcomes.files.uploadFailed'));
    return { status: 200 };
  }
  await files.done(userId, fileId);
  await context.sendActivity({ type: 'message', text: t('outcomes.files.sent'), attachments: [fileInfoCard(uploadInfo, 'csv')] });
  return { status: 200 };
}
