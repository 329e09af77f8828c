import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { textOf, type Person } from '../../support/botHarness';
import { checkInWorld, emptyCard } from './support';

// The lists as the locale files hold them: one key per language, phrases separated by "|".
const phrases = Object.fromEntries((['fi', 'sv', 'en'] as const).map((l) => [l, (JSON.parse(readFileSync(join(__dirname, `../../../locales/${l}.json`), 'utf8')).checkins.safety.distressPhrases as string).split('|').map((p) => p.trim())])) as Record<'fi' | 'sv' | 'en', string[]>;

/** The literal crisis answers, numbers included (the defaults of CRISIS_LINE_FI, CRISIS_LINE_SV, EMERGENCY_NUMBER). */
const crisis = {
  fi: 'Kiitos, että kerroit. Kuulostaa raskaalta, eikä sinun tarvitse jäädä sen kanssa yksin.\n\n- MIELI ry:n kriisipuhelin (suomeksi, 24/7): 09 2525 0111\n- Ruotsinkielinen kriisipuhelin (rajatut ajat): 09 2525 0112\n- Hätätilanteessa soita 112.\n\nVoit myös jatkaa kirjoittamista minulle.',
  sv: 'Tack för att du berättar. Det låter tungt, och du behöver inte vara ensam med det.\n\n- MIELI:s kristelefon på finska (dygnet runt): 09 2525 0111\n- Kristelefonen på svenska (begränsade tider): 09 2525 0112\n- I en nödsituation ring 112.\n\nDu kan också fortsätta skriva till mig.',
  en: "Thank you for telling me. It sounds heavy, and you don't have to carry it alone.\n\n- MIELI crisis line in Finnish (24/7): 09 2525 0111\n- Swedish-language crisis line (limited hours): 09 2525 0112\n- In an emergency call 112.\n\nYou can keep writing to me too.",
};
const askLeader = {
  fi: 'Haluatko, että pyydän ohjaajaasi ottamaan sinuun yhteyttä? Kerron hänelle vain sen – en sitä, mitä kirjoitit.',
  sv: 'Vill du att jag ber din ledare att kontakta dig? Jag berättar bara det – inte vad du skrev.',
  en: "Would you like me to ask your leader to contact you? I'll tell them only that – not what you wrote.",
};

describe('HTTP: the safety path', function () {
  let w: Awaited<ReturnType<typeof checkInWorld>>;
  const people = () => ({ fi: w.aino, sv: w.siri, en: w.pekka }) as Record<'fi' | 'sv' | 'en', Person>;
  // Every log line of the app at trace level, to check that none carries what people wrote or who they are.
  const logLines: string[] = [];
  before(async () => {
    const log = pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) });
    w = await checkInWorld('2026-12-01T10:00:00.000Z', log);
  });
  after(async () => w.bot.stop());

  for (const lang of ['fi', 'sv', 'en'] as const) {
    it(`answers every ${lang} distress phrase at once with the crisis numbers, in a free message`, async () => {
      const p = people()[lang];
      for (const phrase of phrases[lang]) {
        const answer = textOf(await w.bot.say(p, `Tänään tuntuu että ${phrase}`));
        expect(answer, phrase).to.contain(crisis[lang]);
      }
      // Out of the question again, whatever was asked last.
      await w.bot.say(p, lang === 'fi' ? 'ei' : lang === 'sv' ? 'nej' : 'no');
    });
  }

  it('a harmless sentence gets no crisis answer', async () => {
    for (const [p, text] of [
      [w.aino, 'Jaksoin hyvin tänään ja opin uutta'],
      [w.siri, 'Jag orkade gå till gymmet'],
      [w.pekka, 'I want to dine out with the group'],
    ] as const) {
      const answer = textOf(await w.bot.say(p, text));
      expect(answer).to.not.contain('09 2525 0111');
      expect(answer).to.not.contain('112');
    }
  });

  it('tells the leader nothing after a no, and after a yes only that the person asked for contact — by a job, not in the turn', async () => {
    // The leader's notices of the joins are scheduler jobs too: let them go before counting.
    await w.bot.app.scheduler.tick();
    let from = w.mark();
    expect(textOf(await w.bot.say(w.pekka, 'I want to die'))).to.equal(`${crisis.en}\n${askLeader.en}\nYes\nYes\nNo\nNo`);
    expect(textOf(await w.bot.say(w.pekka, 'No'))).to.equal("Okay, I won't tell anyone. The numbers are above whenever you need them.");
    await w.bot.app.scheduler.tick();
    expect(w.since(from, w.leader)).to.deep.equal([]);

    from = w.mark();
    await w.bot.say(w.aino, 'en jaksa enää mitään');
    expect(textOf(await w.bot.say(w.aino, 'Kyllä'))).to.equal('Selvä. Pyysin ohjaajaasi ottamaan sinuun yhteyttä. En kertonut hänelle muuta.');
    // Nothing was sent to the leader inside Aino's turn.
    expect(w.since(from, w.leader)).to.deep.equal([]);
    await w.bot.app.scheduler.tick();
    const told = w.since(from, w.leader);
    expect(told.map((a) => a.text)).to.deep.equal(['Aino toivoo, että otat häneen yhteyttä. Hän pyysi tätä itse check-inin yhteydessä.']);
    expect(JSON.stringify(told)).to.not.contain('jaksa');
  });

  it('distress inside a check-in is answered after saving it: the check-in is never blocked', async () => {
    await w.bot.submit(w.siri, { action: 'checkins.start' });
    const answer = textOf(await w.bot.submit(w.siri, { ...emptyCard, mood: '2', did: 'Jag orkar inte mer' }));
    expect(answer).to.equal(`Sparat. Bara du ser det här.\n${crisis.sv}\n${askLeader.sv}\nJa\nJa\nNej\nNej`);
    expect(textOf(await w.bot.say(w.siri, 'Nej'))).to.equal('Okej, jag berättar inte för någon. Numren finns ovan när du behöver dem.');
  });

  it('the lowest mood twice in a row gets the crisis answer, once is only saved', async () => {
    await w.bot.submit(w.pekka, { action: 'checkins.start' });
    expect(textOf(await w.bot.submit(w.pekka, { ...emptyCard, mood: '1' }))).to.equal('Saved. Only you can see this.');
    w.clock.advance(60_000);
    await w.bot.submit(w.pekka, { action: 'checkins.start' });
    expect(textOf(await w.bot.submit(w.pekka, { ...emptyCard, mood: '1' }))).to.contain('Saved. Only you can see this.').and.contain(crisis.en);
  });

  it('logs nothing of what people wrote, their names or their ids, all the way through', () => {
    expect(logLines.length).to.be.greaterThan(0);
    const all = logLines.join('\n');
    for (const secret of ['jaksa', 'orkar', 'want to die', 'Jag orkar inte mer', 'Aino', 'Siri', 'Pekka', w.aino.id, w.siri.id, w.pekka.id]) expect(all, secret).to.not.contain(secret);
  });

  it('a distress message in the middle of another form interrupts it with the answer', async () => {
    await w.bot.submit(w.aino, { action: 'limits' });
    expect(textOf(await w.bot.say(w.aino, 'haluan kuolla'))).to.contain(crisis.fi).and.contain(askLeader.fi);
    // Something else than yes or no is heard as any message, not asked again.
    expect(textOf(await w.bot.say(w.aino, 'valikko'))).to.contain('Mitä haluaisit tehdä?');
  });
});
