/**
 * Builds the Teams app package: appPackage/manifest.json with the bot's app id filled in,
 * validated offline against the schema shipped in @microsoft/app-manifest, zipped with the icons
 * and the localization files into appPackage/build/group-coach.zip.
 *
 * CLI: `npm run package:teams` (reads MicrosoftAppId from the environment or .env).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { zipSync, type Zippable } from 'fflate';
import { APP_PACKAGE_DIR, DEFAULT_OUT_FILE, PROJECT_ROOT, TeamsPackageError, buildManifest, parseAppId, type TeamsManifestJson } from './teamsManifest';
import { readLocalizationFiles, validateManifest } from './teamsManifestCheck';

export { APP_PACKAGE_DIR, DEFAULT_OUT_FILE, PROJECT_ROOT, TeamsPackageError, buildManifest, parseAppId, type TeamsManifestJson } from './teamsManifest';
export { readLocalizationFiles, validateManifest, type LocalizationFile } from './teamsManifestCheck';

const ICON_SIZES = { color: 192, outline: 32 } as const;
/** Fixed entry time so the same inputs give the same zip bytes. */
const ZIP_ENTRY_TIME = new Date(2020, 0, 1);

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
