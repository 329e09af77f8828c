// npm run build (also at install: `prepare`) and before `npm start` with --if-changed.
//
// Bundles the app into one file (dist/src/app.js) with esbuild — one file loads much faster than the
// thousands of node_modules files — and writes a small launcher at dist/src/index.js that runs the
// bundle through V8's code cache (dist/src/app.js.cache, made on the first start), so a start
// neither type-checks nor re-compiles. Type checking stays in `npm test` (tsc --noEmit).
// --if-changed: does nothing when no source, locale or lock file changed since the last build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const out = path.join(root, 'dist', 'src');
const stampFile = path.join(root, 'dist', '.build-stamp');

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
/** What the bundle is made of: every file's path, size and modification time. */
function fingerprint() {
  const inputs = ['src', 'dialogs', 'locales'].flatMap((d) => walk(path.join(root, d)));
  inputs.push(...['package-lock.json', 'tsconfig.json'].map((f) => path.join(root, f)));
  const hash = createHash('sha256');
  for (const file of inputs.sort()) {
    if (!existsSync(file)) continue;
    const { size, mtimeMs } = statSync(file);
    hash.update(`${path.relative(root, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const launcher = `'use strict';
// Written by src/tools/build.mjs: runs the bundle through V8's code cache, then the app's main().
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const file = path.join(__dirname, 'app.js');
const cacheFile = file + '.cache';
let cachedData;
try { cachedData = fs.readFileSync(cacheFile); } catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER });
const app = new Module(file, module);
app.filename = file;
app.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext()(app.exports, (id) => app.require(id), app, file, __dirname);
if (process.argv[2] === '--write-code-cache') {
  fs.writeFileSync(cacheFile, script.createCachedData());
} else if (require.main === module) {
  app.exports.main().catch((e) => { console.error(e); process.exit(1); });
  // A cache made by another node version is rejected: make a new one once started (a read-only disk only costs speed).
  if (script.cachedDataRejected || !cachedData) setTimeout(() => { try { fs.writeFileSync(cacheFile, script.createCachedData()); } catch {} }, 3000).unref();
}
module.exports = app.exports;
`;

const onlyIfChanged = process.argv.includes('--if-changed');
const stamp = fingerprint();
if (onlyIfChanged && existsSync(path.join(out, 'app.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

const started = Date.now();
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [path.join(root, 'src', 'index.ts')],
  outfile: path.join(out, 'app.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'error',
  // botframework-webchat is only located (require.resolve) to serve its browser bundle; dtrace-provider is restify's optional native probe.
  // The charts' libraries stay packages: vega is ESM with top-level await (loaded with import() when a chart is drawn)
  // and @resvg/resvg-js is a native addon. Neither is loaded at start.
  external: ['botframework-webchat', 'dtrace-provider', 'vega', 'vega-lite', '@resvg/resvg-js'],
});
writeFileSync(path.join(out, 'index.js'), launcher);
rmSync(path.join(out, 'app.js.cache'), { force: true });
execFileSync(process.execPath, [path.join(out, 'index.js'), '--write-code-cache'], { stdio: 'inherit' });
writeFileSync(stampFile, stamp);
console.log(`built dist/src/app.js in ${Date.now() - started} ms`);
