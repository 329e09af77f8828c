import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes } from '../../src/domain/shared/errors';
import { matchKeyword } from '../../dialogs/router';
import { formatDateTime, translator } from '../../src/i18n';

const load = (lang: string) => JSON.parse(readFileSync(join(__dirname, '../../locales', `${lang}.json`), 'utf8')) as Record<string, unknown>;

function flatten(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const fi = flatten(load('fi'));
  const sv = flatten(load('sv'));
  const en = flatten(load('en'));

  it('keep every help text within about 40 words, so it fits on a phone screen (locales/STYLE.md)', () => {
    for (const [lang, texts] of [['fi', fi], ['sv', sv], ['en', en]] as const) {
      for (const [key, text] of texts) {
        if (!/(^|\.)help(\.|$)/.test(key)) continue;
        expect(text.split(/\s+/).length, `${lang} ${key}`).to.be.at.most(40);
      }
    }
  });

  it('have the same keys in fi, sv and en', () => {
    expect([...sv.keys()].sort()).to.deep.equal([...fi.keys()].sort());
    expect([...en.keys()].sort()).to.deep.equal([...fi.keys()].sort());
  });

  it('use the same {{placeholders}} in every language', () => {
    for (const [key, text] of fi) {
      expect(placeholders(sv.get(key) ?? ''), `sv ${key}`).to.deep.equal(placeholders(text));
      expect(placeholders(en.get(key) ?? ''), `en ${key}`).to.deep.equal(placeholders(text));
    }
  });

  it('have no empty texts', () => {
    for (const [lang, map] of [['fi', fi], ['sv', sv], ['en', en]] as const) {
      for (const [key, text] of map) expect(text.trim(), `${lang} ${key}`).to.not.equal('');
    }
  });

  it('pluralise through i18next', () => {
    expect(translator('en')('roster.count', { count: 1, max: 4 })).to.equal('1 of 4 places taken');
    expect(translator('fi')('join.leaderNotice', { name: 'A', group: 'G', count: 2 })).to.contain('2 osallistujaa');
    expect(translator('fi')('join.leaderNotice', { name: 'A', group: 'G', count: 1 })).to.contain('1 osallistuja.');
  });

  it('understand typed commands in all three languages', () => {
    expect(matchKeyword('Apua')).to.equal('help');
    expect(matchKeyword('hjälp')).to.equal('help');
    expect(matchKeyword('  HELP! ')).to.equal('help');
    expect(matchKeyword('peruuta')).to.equal('cancel');
    expect(matchKeyword('avbryt')).to.equal('cancel');
    expect(matchKeyword('valikko')).to.equal('menu');
    expect(matchKeyword('meny')).to.equal('menu');
    expect(matchKeyword('I need help with my CV')).to.equal(undefined);
  });

  it('format dates in the person\'s language and the group\'s zone', () => {
    const instant = '2026-03-30T06:00:00Z'; // 09:00 in Helsinki (summer time)
    expect(formatDateTime(instant, 'fi', 'Europe/Helsinki')).to.equal('ma 30.3. klo 9.00');
    expect(formatDateTime(instant, 'en', 'Europe/Helsinki')).to.equal('Mon 30 Mar, 09:00');
    expect(formatDateTime(instant, 'sv', 'Europe/Stockholm')).to.equal('mån 30 mars kl. 8.00');
  });
});

describe('error texts', () => {
  it('exist for every domain error code in every language', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const t = translator(lang);
      for (const code of errorCodes) expect(t(`errors.${code}`), `${lang} ${code}`).to.not.equal(`errors.${code}`);
    }
  });
});
