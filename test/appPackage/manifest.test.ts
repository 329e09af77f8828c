import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { matchKeyword } from '../../dialogs/router';
import { APP_PACKAGE_DIR, TeamsPackageError, buildManifest, packageTeams, parseAppId, validateManifest } from '../../src/tools/packageTeams';

const APP_ID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';

/** Width, height and colour type straight from the IHDR chunk (independent of the code under test). */
function pngHeader(file: string): { width: number; height: number; colourType: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).toString('hex')).to.equal('89504e470d0a1a0a');
  expect(buf.toString('ascii', 12, 16)).to.equal('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colourType: buf[25] as number };
}

/** RGBA pixels of an 8-bit, non-interlaced RGBA PNG (what resvg writes). */
function rgbaPixels(file: string): Uint8Array {
  const buf = readFileSync(file);
  const { width, height, colourType } = pngHeader(file);
  expect(colourType, 'RGBA').to.equal(6);
  expect(buf[24], 'bit depth').to.equal(8);
  expect(buf[28], 'interlace').to.equal(0);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= 4 ? (out[y * stride + x - 4] as number) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] as number) : 0;
      const c = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] as number) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      expect(predictor, `filter ${filter}`).to.not.equal(undefined);
      out[y * stride + x] = (cur + (predictor as number)) & 0xff;
    }
  }
  return out;
}

/** A throwaway copy of appPackage/ that a test may break. */
function copyOfAppPackage(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'group-coach-apppkg-'));
  cpSync(APP_PACKAGE_DIR, dir, { recursive: true, filter: (src) => path.relative(APP_PACKAGE_DIR, src).split(path.sep)[0] !== 'build' });
  return dir;
}

function editJson(file: string, edit: (json: Record<string, any>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  edit(json);
  writeFileSync(file, JSON.stringify(json));
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('Teams app package', () => {
  const tempDirs: string[] = [];
  const tempDir = (): string => {
    const dir = copyOfAppPackage();
    tempDirs.push(dir);
    return dir;
  };
  after(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  describe('manifest', () => {
    it('keeps the app id as a placeholder in the committed file', () => {
      const committed = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
      expect(committed.id).to.equal('${{BOT_ID}}');
      expect(committed.bots[0].botId).to.equal('${{BOT_ID}}');
    });

    it('fills in the app id and validates offline against the shipped schema with no errors', async () => {
      const manifest = await buildManifest(APP_ID);
      expect(manifest.id).to.equal(APP_ID);
      expect(manifest.bots?.[0]?.botId).to.equal(APP_ID);
      expect(await validateManifest(manifest)).to.deep.equal([]);
    });

    it('uses a released schema version, not devPreview', async () => {
      const manifest = await buildManifest(APP_ID);
      expect(manifest.manifestVersion).to.match(/^1\.\d+$/);
      expect(manifest.$schema).to.equal(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    });

    it('offers the bot in personal and group chats, each with the commands that work there, and files (My data is sent through the file consent card)', async () => {
      const manifest = (await buildManifest(APP_ID)) as Record<string, any>;
      const bot = manifest.bots[0];
      expect(bot.scopes).to.have.members(['personal', 'groupChat']);
      expect(bot.supportsFiles).to.equal(true);
      expect(bot.commandLists.map((l: { scopes: string[] }) => l.scopes)).to.deep.equal([['personal'], ['groupChat']]);
      const titles = bot.commandLists.map((l: { commands: Array<{ title: string }> }) => l.commands.map((c) => c.title));
      expect(titles[0]).to.deep.equal(['menu', 'help', 'join', 'new group', 'cancel', 'meetings', 'reminders', 'pause', 'activities', 'check in']);
      // Joining and creating groups happen in a personal chat; in a group chat the leader links the chat.
      expect(titles[1]).to.deep.equal(['menu', 'help', 'link chat', 'cancel']);
      expect(manifest.validDomains).to.deep.equal([]);
      expect(manifest.accentColor).to.equal('#2E6B5E');
    });

    it('translates every command title into Finnish and Swedish', () => {
      const manifest = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
      expect(manifest.localizationInfo.additionalLanguages).to.deep.equal([
        { languageTag: 'fi', file: 'fi.json' },
        { languageTag: 'sv', file: 'sv.json' },
      ]);
      for (const file of ['fi.json', 'sv.json']) {
        const strings = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, file), 'utf8'));
        manifest.bots[0].commandLists.forEach((list: { commands: unknown[] }, l: number) =>
          list.commands.forEach((_c, c) => {
            expect(strings[`bots[0].commandLists[${l}].commands[${c}].title`], `${file} list ${l} command ${c}`).to.be.a('string').and.not.empty;
          }),
        );
      }
    });

    // The store listing says what the app does today. When a feature lands (activities and voting,
    // check-ins, digests…), the description and this list change together. It never promises job offers or employer contacts.
    it('describes in every language what the app does today (activities and votes, check-ins, early warnings, outcomes) digests and private messages, and promises nothing it does not do (job offers, employers)', () => {
      const manifest = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
      const strings = (file: string) => JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, file), 'utf8'));
      const descriptions: Array<[string, string, RegExp[], RegExp]> = [
        ['en', `${manifest.description.short} ${manifest.description.full}`, [/invite/, /meetings/, /who is coming/, /remind/, /pause/, /limits/, /delete/, /votes/, /check in/, /engagement drops/, /outcomes/, /write privately to one participant/, /digest of their groups/], /employer|job offers/i],
        ['fi', `${strings('fi.json')['description.short']} ${strings('fi.json')['description.full']}`, [/kutsu/, /tapaami/, /ketkä tulevat/, /muistut/, /tauon/, /rajoistaan/, /poistaa/, /äänest/, /check-in/, /hiipuu/, /tulokset/, /osallistujalle yksityisesti/, /koosteen ryhmistään/], /työnantaj|työpaikkailmoitu/i],
        ['sv', `${strings('sv.json')['description.short']} ${strings('sv.json')['description.full']}`, [/bjuder in/, /träffar/, /vilka som kommer/, /påminnelse/, /pausa/, /gränser/, /radera/, /röstar/, /checka in/, /engagemang/, /resultat/, /skriva privat till en enskild deltagare/, /sammandrag av sina grupper/], /arbetsgivare|platsannons/i],
      ];
      for (const [language, text, promised, unbuilt] of descriptions) {
        for (const feature of promised) expect(text, `${language} description names ${feature}`).to.match(feature);
        expect(text, `${language} description promises something not built`).to.not.match(unbuilt);
      }
    });

    it('reports schema errors, so a passing validation means something', async () => {
      const dir = tempDir();
      editJson(path.join(dir, 'manifest.json'), (m) => {
        m.accentColor = 'green';
        m.name.short = 'A name far longer than thirty characters';
      });
      const errors = await validateManifest(await buildManifest(APP_ID, dir), dir);
      expect(errors.some((e) => e.includes('/accentColor'))).to.equal(true);
      expect(errors.some((e) => e.includes('/name/short'))).to.equal(true);
    });

    it('reports localization strings that name nothing in the manifest', async () => {
      const dir = tempDir();
      editJson(path.join(dir, 'fi.json'), (s) => {
        s['bots[0].commandLists[1].commands[7].title'] = 'olematon';
      });
      const errors = await validateManifest(await buildManifest(APP_ID, dir), dir);
      expect(errors).to.deep.equal(['fi.json: "bots[0].commandLists[1].commands[7].title" names nothing in manifest.json']);
    });

    it('reports a localization file that breaks the localization schema', async () => {
      const dir = tempDir();
      editJson(path.join(dir, 'sv.json'), (s) => {
        s['name.short'] = 'x'.repeat(31);
      });
      const errors = await validateManifest(await buildManifest(APP_ID, dir), dir);
      expect(errors.some((e) => e.startsWith('sv.json:') && e.includes('name.short'))).to.equal(true);
    });
  });

  describe('command titles and the bot', () => {
    // Teams sends a command's title, in the client's language, as the message text.
    const keywordOfCommand = [
      ['menu', 'help', 'join', 'newGroup', 'cancel', 'meetings', 'reminders', 'pause', 'activities.home', 'checkins.start'],
      ['menu', 'help', 'linkChat', 'cancel'],
    ];
    it('are words the bot understands, in every language of the manifest', () => {
      const manifest = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8'));
      const titles: Array<[string, string, string | undefined]> = [];
      manifest.bots[0].commandLists.forEach((list: { commands: Array<{ title: string }> }, l: number) =>
        list.commands.forEach((command, c) => {
          const keyword = keywordOfCommand[l]?.[c];
          titles.push(['manifest.json', command.title, keyword]);
          for (const file of ['fi.json', 'sv.json']) {
            const strings = JSON.parse(readFileSync(path.join(APP_PACKAGE_DIR, file), 'utf8'));
            titles.push([file, strings[`bots[0].commandLists[${l}].commands[${c}].title`], keyword]);
          }
        }),
      );
      for (const [file, title, keyword] of titles) {
        expect(keyword, `${file}: "${title}" has no expected keyword`).to.be.a('string');
        expect(matchKeyword(title), `${file}: "${title}"`).to.equal(keyword);
      }
    });
  });

  describe('icons', () => {
    it('has a 192×192 colour icon', () => {
      const { width, height } = pngHeader(path.join(APP_PACKAGE_DIR, 'color.png'));
      expect([width, height]).to.deep.equal([192, 192]);
    });

    it('has a 32×32 outline icon that is white on transparent', () => {
      const file = path.join(APP_PACKAGE_DIR, 'outline.png');
      const { width, height } = pngHeader(file);
      expect([width, height]).to.deep.equal([32, 32]);
      const pixels = rgbaPixels(file);
      let transparent = 0;
      let visible = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const alpha = pixels[i + 3] as number;
        if (alpha === 0) transparent++;
        else {
          visible++;
          // Anti-aliased edges differ only in alpha: resvg writes straight (not premultiplied) RGBA.
          expect([pixels[i], pixels[i + 1], pixels[i + 2]], `pixel ${i / 4}`).to.deep.equal([255, 255, 255]);
        }
      }
      expect(transparent).to.be.greaterThan(0);
      expect(visible).to.be.greaterThan(0);
    });
  });

  describe('app id', () => {
    it('accepts a GUID and trims it', () => {
      expect(parseAppId(` ${APP_ID}\n`)).to.equal(APP_ID);
    });

    for (const bad of [undefined, '', '   ', 'not-a-guid', `${APP_ID}x`, '{1b4e28ba-2fa1-11d2-883f-0016d3cca427}', '00000000-0000-0000-0000-000000000000']) {
      it(`rejects ${JSON.stringify(bad)}`, () => {
        expect(() => parseAppId(bad)).to.throw(TeamsPackageError, /MicrosoftAppId/);
      });
    }

    it('makes packageTeams reject a non-GUID app id and write nothing', async () => {
      const outFile = path.join(tempDir(), 'out', 'pkg.zip');
      const err = await rejection(packageTeams({ appId: 'my-bot', outFile }));
      expect(err).to.be.instanceOf(TeamsPackageError);
      expect(err.message).to.match(/must be a GUID/);
      expect(existsSync(outFile)).to.equal(false);
    });
  });

  describe('zip', () => {
    it('holds the built manifest, both icons and the localization files', async () => {
      const outFile = path.join(tempDir(), 'out', 'group-coach.zip');
      const result = await packageTeams({ appId: APP_ID, outFile });
      expect(result.outFile).to.equal(outFile);

      const entries = unzipSync(readFileSync(outFile));
      expect(Object.keys(entries)).to.have.members(['manifest.json', 'color.png', 'outline.png', 'fi.json', 'sv.json']);
      const manifest = JSON.parse(Buffer.from(entries['manifest.json'] as Uint8Array).toString('utf8'));
      expect(manifest.id).to.equal(APP_ID);
      expect(manifest.bots[0].botId).to.equal(APP_ID);
      expect(await validateManifest(manifest)).to.deep.equal([]);
      for (const name of ['color.png', 'outline.png', 'fi.json', 'sv.json']) {
        expect(Buffer.from(entries[name] as Uint8Array).equals(readFileSync(path.join(APP_PACKAGE_DIR, name))), name).to.equal(true);
      }
    });

    it('refuses to package an icon of the wrong size', async () => {
      const dir = tempDir();
      cpSync(path.join(dir, 'color.png'), path.join(dir, 'outline.png'));
      const outFile = path.join(dir, 'out', 'pkg.zip');
      const err = await rejection(packageTeams({ appId: APP_ID, sourceDir: dir, outFile }));
      expect(err).to.be.instanceOf(TeamsPackageError);
      expect(err.message).to.include('outline icon must be 32×32, is 192×192');
      expect(existsSync(outFile)).to.equal(false);
    });

    it('refuses to package a manifest that fails the schema', async () => {
      const dir = tempDir();
      editJson(path.join(dir, 'manifest.json'), (m) => {
        delete m.developer;
      });
      const err = await rejection(packageTeams({ appId: APP_ID, sourceDir: dir, outFile: path.join(dir, 'out', 'pkg.zip') }));
      expect(err).to.be.instanceOf(TeamsPackageError);
      expect(err.message).to.include('developer');
    });
  });
});
