/** The Teams app manifest of appPackage/: its shape, the bot's app id, and the manifest with the id filled in. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const APP_PACKAGE_DIR = path.join(PROJECT_ROOT, 'appPackage');
export const DEFAULT_OUT_FILE = path.join(APP_PACKAGE_DIR, 'build', 'group-coach.zip');

const APP_ID_PLACEHOLDER = '${{BOT_ID}}';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
export const SCHEMA_URL_PREFIX = 'https://developer.microsoft.com/json-schemas/';

export class TeamsPackageError extends Error {
  override name = 'TeamsPackageError';
}

/** The parts of the manifest this script reads; the JSON schema checks the rest. */
const manifestShape = z.looseObject({
  $schema: z.string(),
  manifestVersion: z.string(),
  id: z.string(),
  icons: z.looseObject({ color: z.string(), outline: z.string() }),
  bots: z.array(z.looseObject({ botId: z.string() })).optional(),
  localizationInfo: z
    .looseObject({
      defaultLanguageFile: z.string().optional(),
      additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string() })).optional(),
    })
    .optional(),
});
export type TeamsManifestJson = z.infer<typeof manifestShape>;

export const localizationShape = z.looseObject({ $schema: z.string() });

/** The app id from the environment, trimmed; throws with a message a person can act on. */
export function parseAppId(raw: string | undefined): string {
  const appId = raw?.trim() ?? '';
  if (appId === '') {
    throw new TeamsPackageError(
      'MicrosoftAppId is not set. Put the bot\'s app id (the managed identity\'s client id) in the environment or in .env.',
    );
  }
  if (!GUID.test(appId)) {
    throw new TeamsPackageError(`MicrosoftAppId must be a GUID like 1b4e28ba-2fa1-11d2-883f-0016d3cca427, got "${appId}".`);
  }
  if (appId === NIL_GUID) {
    throw new TeamsPackageError('MicrosoftAppId is the all-zero GUID, which is a placeholder, not a bot.');
  }
  return appId;
}

export async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new TeamsPackageError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The committed manifest with every `${{BOT_ID}}` replaced by the app id (the app id and bots[0].botId). */
export async function buildManifest(appId: string, sourceDir: string = APP_PACKAGE_DIR): Promise<TeamsManifestJson> {
  const id = parseAppId(appId);
  const template = await readFile(path.join(sourceDir, 'manifest.json'), 'utf8');
  // A GUID holds no character JSON would need to escape, so a textual replace is safe.
  const text = template.split(APP_ID_PLACEHOLDER).join(id);
  const leftover = /\$\{\{[^}]*\}\}/.exec(text);
  if (leftover) {
    throw new TeamsPackageError(`manifest.json has a placeholder this script does not fill: ${leftover[0]}`);
  }
  const parsed = manifestShape.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new TeamsPackageError(`manifest.json lacks fields the package needs: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

