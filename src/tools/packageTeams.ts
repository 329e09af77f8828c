/**
 * Builds the Teams app package: appPackage/manifest.json with the bot's app id filled in,
 * validated offline against the schema shipped in @microsoft/app-manifest, zipped with the icons
 * and the localization files into appPackage/build/group-coach.zip.
 *
 * CLI: `npm run package:teams` (reads MicrosoftAppId from the environment or .env).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { config as loadDotenv } from 'dotenv';
import { zipSync, type Zippable } from 'fflate';
import { z } from 'zod';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const APP_PACKAGE_DIR = path.join(PROJECT_ROOT, 'appPackage');
export const DEFAULT_OUT_FILE = path.join(APP_PACKAGE_DIR, 'build', 'group-coach.zip');

const APP_ID_PLACEHOLDER = '${{BOT_ID}}';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const SCHEMA_URL_PREFIX = 'https://developer.microsoft.com/json-schemas/';
const ICON_SIZES = { color: 192, outline: 32 } as const;
/** Fixed entry time so the same inputs give the same zip bytes. */
const ZIP_ENTRY_TIME = new Date(2020, 0, 1);

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

const localizationShape = z.looseObject({ $schema: z.string() });

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

async function readJson(file: string): Promise<unknown> {
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

/** Loads the schema a `$schema` URL names from the copy inside @microsoft/app-manifest: never from the network. */
async function loadLocalSchema(schemaUrl: string): Promise<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]> {
  if (!schemaUrl.startsWith(SCHEMA_URL_PREFIX)) {
    throw new TeamsPackageError(`$schema must start with ${SCHEMA_URL_PREFIX}, got ${schemaUrl}`);
  }
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageDir, 'build', 'json-schemas', schemaUrl.slice(SCHEMA_URL_PREFIX.length));
  if (!existsSync(file)) {
    throw new TeamsPackageError(`@microsoft/app-manifest has no local copy of ${schemaUrl}; use a schema version it ships.`);
  }
  const schema = await readJson(file);
  repairPatternKeys(schema);
  return schema as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
}

/**
 * The shipped localization schemas (v1.10 to v1.30) have patternProperties keys such as
 * `...\[\b(...)\b]\.description$`: a lone `]` is a literal without the `u` flag but a syntax error
 * with it, and ajv compiles patterns with `u`, so the schema would not compile at all.
 * Escape that `]` in the in-memory copy: the same meaning the schema's authors intended.
 */
function repairPatternKeys(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties' && value !== null && typeof value === 'object') {
      const patterns = value as Record<string, unknown>;
      for (const pattern of Object.keys(patterns)) {
        if (compilesWithUnicodeFlag(pattern)) continue;
        const repaired = pattern.replaceAll('\\b]', '\\b\\]');
        if (!compilesWithUnicodeFlag(repaired)) throw new TeamsPackageError(`schema pattern cannot be compiled: ${pattern}`);
        patterns[repaired] = patterns[pattern];
        delete patterns[pattern];
      }
    }
    repairPatternKeys(value);
  }
}

function compilesWithUnicodeFlag(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

async function validateAgainst(document: { $schema: string }, label: string): Promise<string[]> {
  const schema = await loadLocalSchema(document.$schema);
  const errors = await AppManifestUtils.validateAgainstSchema(document as unknown as AppManifest, schema);
  return errors.map((e) => `${label}: ${e.trim()}`);
}

/** Whether a localization key such as `bots[0].commandLists[1].commands[4].title` names a string in the manifest. */
function resolvesInManifest(manifest: unknown, key: string): boolean {
  let node: unknown = manifest;
  for (const part of key.split('.')) {
    const match = /^([A-Za-z0-9_]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return false;
    node = (node as Record<string, unknown> | undefined)?.[match[1] as string];
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) {
      node = Array.isArray(node) ? node[Number(index[1])] : undefined;
    }
  }
  return typeof node === 'string';
}

export interface LocalizationFile {
  file: string;
  content: Record<string, unknown>;
}

/** The localization files the manifest lists, read and checked to be plain relative names inside sourceDir. */
export async function readLocalizationFiles(manifest: TeamsManifestJson, sourceDir: string = APP_PACKAGE_DIR): Promise<LocalizationFile[]> {
  const info = manifest.localizationInfo;
  const names = [
    ...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info?.additionalLanguages ?? []).map((l) => l.file),
  ];
  const files: LocalizationFile[] = [];
  for (const file of names) {
    if (path.basename(file) !== file) {
      throw new TeamsPackageError(`localization file "${file}" must be a file name at the package root`);
    }
    const parsed = localizationShape.safeParse(await readJson(path.join(sourceDir, file)));
    if (!parsed.success) {
      throw new TeamsPackageError(`${file} needs a $schema naming the Teams localization schema`);
    }
    files.push({ file, content: parsed.data });
  }
  return files;
}

/** Every problem with the manifest and its localization files, offline; empty when the package is valid. */
export async function validateManifest(manifest: TeamsManifestJson, sourceDir: string = APP_PACKAGE_DIR): Promise<string[]> {
  const expectedSchema = `${SCHEMA_URL_PREFIX}teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expectedSchema) {
    return [`manifest.json: $schema should be ${expectedSchema} for manifestVersion ${manifest.manifestVersion}`];
  }
  const errors = await validateAgainst(manifest, 'manifest.json');
  for (const { file, content } of await readLocalizationFiles(manifest, sourceDir)) {
    errors.push(...(await validateAgainst(content as { $schema: string }, file)));
    const version = /\/teams\/v([^/]+)\//.exec(content.$schema as string)?.[1];
    if (version !== manifest.manifestVersion) {
      errors.push(`${file}: $schema is for version ${version ?? '?'}, the manifest is ${manifest.manifestVersion}`);
    }
    for (const key of Object.keys(content)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      if (!resolvesInManifest(manifest, key)) errors.push(`${file}: "${key}" names nothing in manifest.json`);
    }
  }
  return errors;
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 24 || signature.some((b, i) => buf[i] !== b) || buf.toString('ascii', 12, 16) !== 'IHDR') {
    throw new TeamsPackageError('not a PNG file');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export interface PackageOptions {
  /** Raw value, usually process.env.MicrosoftAppId. */
  appId: string | undefined;
  sourceDir?: string;
  outFile?: string;
}

export interface PackageResult {
  outFile: string;
  entries: string[];
  manifest: TeamsManifestJson;
}

/** Builds, validates and zips the Teams app package; throws TeamsPackageError listing every problem. */
export async function packageTeams(options: PackageOptions): Promise<PackageResult> {
  const sourceDir = options.sourceDir ?? APP_PACKAGE_DIR;
  const outFile = options.outFile ?? DEFAULT_OUT_FILE;
  const manifest = await buildManifest(parseAppId(options.appId), sourceDir);

  const errors = await validateManifest(manifest, sourceDir);
  const entries: Zippable = { 'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') };
  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons[kind];
    const png = await readFile(path.join(sourceDir, name));
    const { width, height } = pngSize(png);
    const want = ICON_SIZES[kind];
    if (width !== want || height !== want) errors.push(`${name}: ${kind} icon must be ${want}×${want}, is ${width}×${height}`);
    entries[name] = png;
  }
  for (const { file } of await readLocalizationFiles(manifest, sourceDir)) {
    entries[file] = await readFile(path.join(sourceDir, file));
  }
  if (errors.length > 0) {
    throw new TeamsPackageError(`the Teams app package is not valid:\n  ${errors.join('\n  ')}`);
  }

  const zip = zipSync(entries, { level: 9, mtime: ZIP_ENTRY_TIME });
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, zip);
  return { outFile, entries: Object.keys(entries), manifest };
}

async function main(): Promise<void> {
  loadDotenv({ path: path.join(PROJECT_ROOT, '.env'), quiet: true });
  const result = await packageTeams({ appId: process.env['MicrosoftAppId'] });
  console.log(`Teams app package written to ${path.relative(process.cwd(), result.outFile)} (${result.entries.join(', ')})`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof TeamsPackageError ? `package:teams: ${err.message}` : err);
    process.exitCode = 1;
  });
}
