/** Offline checks of the manifest and its localization files against the schemas @microsoft/app-manifest ships. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { APP_PACKAGE_DIR, SCHEMA_URL_PREFIX, TeamsPackageError, localizationShape, readJson, type TeamsManifestJson } from './teamsManifest';

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
