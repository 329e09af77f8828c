// The architecture check (npm run arch, part of npm test): dependency-cruiser with the rules of .dependency-cruiser.cjs.
//
// dependency-cruiser parses TypeScript only through typescript < 7 (this project uses 7, whose API
// is not published), and its CLI refuses node 20. So this runs its library API on a JavaScript copy
// of the sources: esbuild strips the types but keeps every import statement (type-only imports are
// made plain first, so they count too), written to a temp dir with the same paths.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { cruise, format } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const config = require(path.join(root, '.dependency-cruiser.cjs'));
const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src', 'dialogs'];

const sources = (dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );

/** Type-only imports become plain ones, so esbuild (which keeps every non-type import verbatim) keeps them. */
const keepTypeImports = (ts) =>
  ts
    .replace(/\b(import|export)\s+type\s+(?=[{*])/g, '$1 ')
    .replace(/\bimport\s+type\s+(\w+\s+from\b)/g, 'import $1')
    .replace(/([{,]\s*)type\s+(?=\w+\s*[,}]|\w+\s+as\b)/g, '$1');

const work = mkdtempSync(path.join(tmpdir(), 'arch-'));
try {
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
  cpSync(path.join(root, 'locales'), path.join(work, 'locales'), { recursive: true });
  for (const file of ['src', 'dialogs'].flatMap(sources)) {
    const { code } = transformSync(keepTypeImports(readFileSync(path.join(root, file), 'utf8')), {
      loader: 'ts',
      format: 'esm',
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
    const out = path.join(work, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, code);
  }
  process.chdir(work);
  const result = await cruise(roots, { ...config.options, parser: 'acorn', validate: true, ruleSet: { forbidden: config.forbidden } });
  const out = await format(result.output, { outputType: 'err' });
  // Its warning about typescript 7 does not apply: it reads the JavaScript copy.
  process.stdout.write(out.output.replaceAll(work + path.sep, '').replace(/\b((?:src|dialogs)\/\S+?)\.js\b/g, '$1.ts').split(/\n‼ missing-tsc-transpiler/)[0] + '\n');
  process.exitCode = out.exitCode;
} finally {
  process.chdir(root);
  rmSync(work, { recursive: true, force: true });
}
