import { expect } from 'chai';
import type { DialogTestClient } from 'botbuilder-testing';
import type { DialogDeps } from '../../../dialogs/shared/context';
import { PauseDialog } from '../../../dialogs/reminders/pauseDialog';
import { ReminderSettingsDialog } from '../../../dialogs/reminders/reminderSettingsDialog';
import type { Locale } from '../../../src/domain/shared/locale';
import type { PauseReason } from '../../../src/domain/reminders/model';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { cardOf, input, problemOf, type Card } from '../../support/cards';
import { expectedTexts, type LiteralTexts } from '../../support/expectedTexts';
import { freshStore } from '../../support/cosmos';
import { dialogClient, dialogWorld, groupWithMembers, type DialogWorld } from '../../support/dialogDeps';

/** What a Finnish-speaking person reads, written out (the other languages are checked through the locale files). */
const literalFi: LiteralTexts = {
  "common.cancelled": "Selvä, lopetin sen. Mitään ei muutettu.",
  "errors.CONSENT_REQUIRED": "Tarvitsen ensin luvan tallentaa tietosi. Valitse \"Aloita\".",
  "help.inDialog": "Voit myös kirjoittaa \"peruuta\" lopettaaksesi tai \"valikko\" nähdäksesi kaiken, missä voin auttaa.",
  "pause.badDate": "Valitse päivä tästä päivästä enintään kuuden kuukauden päähän.",
  "pause.help":
    "Tässä voit keskeyttää muistutukset hetkeksi – esimerkiksi työhaastattelun, työkokeilun tai sairauden ajaksi. Valitse syy ja tauon viimeinen päivä ja paina Aloita tauko. Taukoa ei koskaan lueta sinua vastaan.",
  "pause.kind.job_interview": "Työhaastattelu – mahtava uutinen! Onnea matkaan, hyvin se menee.",
  "pause.reasons.other": "Jokin muu",
  "pause.running {\"reason\":\"Jokin muu\",\"date\":\"1. joulukuuta 2026\"}":
    "Muistutuksesi ovat nyt tauolla (Jokin muu). Tauon viimeinen päivä: 1. joulukuuta 2026.",
  "pause.started {\"date\":\"3. joulukuuta 2026\"}":
    "Muistutukset ovat tauolla. Tauon viimeinen päivä on 3. joulukuuta 2026. Taukoa ei koskaan lueta sinua vastaan, ja muistutukset jatkuvat sen jälkeen itsestään. Jos tilanne muuttuu, voit lopettaa tauon aiemmin valikosta.",
  "pause.unchanged": "Selvä, mitään ei muutettu.",
  "pause.useForm": "Käytä yllä olevaa lomaketta – paina Aloita tauko tai Peruuta – tai kirjoita \"peruuta\".",
  "reminderSettings.badOffset": "Valitse ajat lomakkeen listalta.",
  "reminderSettings.badTime": "Anna hiljainen aika tunteina ja minuutteina, esimerkiksi 21:00.",
  "reminderSettings.help":
    "Tässä valitset, miten muistutan sinua ryhmäsi tapaamisista: lähetänkö muistutuksia ollenkaan, kuinka paljon ennen tapaamista ja milloin on hiljainen aika, jolloin en häiritse. Paina lopuksi Tallenna.",
  "reminderSettings.hours {\"count\":1}": "1 tunti",
  "reminderSettings.noOffsets":
    "Valitse ainakin yksi ajankohta muistutuksille. Jos et halua muistutuksia lainkaan, voit vain kytkeä ne pois päältä.",
  "reminderSettings.quietInfo {\"start\":\"21.00\",\"end\":\"8.00\"}":
    "Hiljainen aika: en lähetä muistutuksia klo 21.00–8.00. Jos muistutus osuisi siihen, saat sen heti hiljaisen ajan päätyttyä.",
  "reminderSettings.saved {\"offsets\":\"1 tunti\",\"start\":\"21.00\",\"end\":\"8.00\"}":
    "Tallennettu. Muistutan sinua 1 tunti ennen jokaista tapaamista, mutta en koskaan klo 21.00–8.00.",
  "reminderSettings.saved {\"offsets\":\"1 viikko ja 1 tunti\",\"start\":\"22.00\",\"end\":\"7.30\"}":
    "Tallennettu. Muistutan sinua 1 viikko ja 1 tunti ennen jokaista tapaamista, mutta en koskaan klo 22.00–7.30.",
  "reminderSettings.saved {\"offsets\":\"2 päivää ja 1 tunti\",\"start\":\"21.00\",\"end\":\"8.00\"}":
    "Tallennettu. Muistutan sinua 2 päivää ja 1 tunti ennen jokaista tapaamista, mutta en koskaan klo 21.00–8.00.",
  "reminderSettings.savedOff":
    "Tallennettu. Muistutukset ovat pois päältä. Kerron silti, jos tapaaminen siirtyy tai perutaan, ja voit laittaa muistutukset takaisin päälle täältä milloin vain.",
  "reminderSettings.unchanged": "Selvä, muistutuksesi pysyvät ennallaan.",
  "reminderSettings.useForm": "Käytä yllä olevaa lomaketta – paina Tallenna tai Peruuta – tai kirjoita \"peruuta\".",
};

/** Per language: the typed words, and what the person should read (written out here, not recomputed). */
const lang = {
  fi: {
    help: 'apua',
    cancel: 'peruuta',
    weekAndHour: '1 viikko ja 1 tunti',
    twoDaysAndHour: '2 päivää ja 1 tunti',
    dec1: '1. joulukuuta 2026',
    dec3: '3. joulukuuta 2026',
    at21: '21.00',
    at8: '8.00',
    at22: '22.00',
    at730: '7.30',
    reason: 'job_interview',
  },
  sv: {
    help: 'hjälp',
    cancel: 'avbryt',
    weekAndHour: '1 vecka och 1 timme',
    twoDaysAndHour: '2 dagar och 1 timme',
    dec1: '1 december 2026',
    dec3: '3 december 2026',
    at21: '21.00',
    at8: '8.00',
    at22: '22.00',
    at730: '7.30',
    reason: 'work_tryout',
  },
  en: {
    help: 'help',
    cancel: 'cancel',
    weekAndHour: '1 week and 1 hour',
    twoDaysAndHour: '2 days and 1 hour',
    dec1: '1 December 2026',
    dec3: '3 December 2026',
    at21: '21:00',
    at8: '08:00',
    at22: '22:00',
    at730: '07:30',
    reason: 'ill',
  },
} as const satisfies Record<Locale, { reason: PauseReason } & Record<string, string>>;

const defaults = { enabled: true, offsetsMinutes: [1440, 120], quietHours: { start: '21:00', end: '08:00' } };

const buttonsOf = (card: Card) => [...card.actions, ...card.body.flatMap((e) => e.actions ?? [])].map((a) => a.data?.action);

const save = (value: Record<string, string>) => ({
  type: 'message',
  value: { action: 'reminders.save', enabled: 'true', quietStart: '', quietEnd: '', ...value },
});
const pause = (reason: PauseReason, until: string) => ({ type: 'message', value: { action: 'pause.save', reason, until } });
const cancelForm = { type: 'message', value: { action: 'form.cancel' } };

describe('reminder settings and pause dialogs (DialogTestClient transcripts on the embedded Cosmos store)', () => {
  let store: CosmosStore;
  let world: DialogWorld;
  let deps: DialogDeps;

  before(async () => {
    store = await freshStore('reminderdialogs');
    world = dialogWorld(store, '2026-11-25T10:00:00Z');
    deps = world.deps;
  });
  after(async () => store.close());

  for (const locale of ['fi', 'sv', 'en'] as const) {
    const t = expectedTexts(locale, 'fi', literalFi);
    const l = lang[locale];
    /** A consenting participant `test:{name}-{locale}` and a client for them in `dialog`. */
    const person = async (name: string, dialog: 'settings' | 'pause', consent = true): Promise<{ id: string; c: DialogTestClient }> => {
      const id = `${name}-${locale}`;
      if (consent) await deps.users.giveConsent(`test:${id}`, 'Aino');
      const d = dialog === 'settings' ? new ReminderSettingsDialog(deps) : new PauseDialog(deps);
      return { id: `test:${id}`, c: dialogClient(store, d, id, locale, {}) };
    };

    describe(`reminder settings in ${locale}`, () => {
      it('shows the current settings and saves what was chosen, summarised in words', async () => {
        const { id, c } = await person('rs-save', 'settings');
        const card = cardOf(await c.sendActivity('hi'));
        expect(input(card, 'enabled')).to.deep.include({ type: 'Input.Toggle', value: 'true' });
        expect(input(card, 'offsets')).to.deep.include({ type: 'Input.ChoiceSet', value: '1440,120' });
        expect(input(card, 'quietStart')).to.deep.include({ type: 'Input.Time', value: '21:00' });
        expect(input(card, 'quietEnd')).to.deep.include({ type: 'Input.Time', value: '08:00' });
        expect(card.body.filter((e) => e.type.startsWith('Input.')).every((e) => !!e.label)).to.equal(true);
        expect(card.body.map((e) => e.text)).to.include(t('reminderSettings.quietInfo', { start: l.at21, end: l.at8 }));
        expect(buttonsOf(card)).to.deep.equal(['reminders.save', 'form.cancel']);

        const reply = await c.sendActivity(save({ offsets: '10080,60', quietStart: '22:00', quietEnd: '07:30' }));
        expect(reply?.text).to.equal(t('reminderSettings.saved', { offsets: l.weekAndHour, start: l.at22, end: l.at730 }));
        expect(c.dialogTurnResult.status).to.equal('complete');
        expect(await deps.reminders.get(id)).to.deep.equal({
          enabled: true,
          offsetsMinutes: [10080, 60],
          quietHours: { start: '22:00', end: '07:30' },
        });
      });

      it('turns reminders off (nothing ticked is fine) and keeps the offsets for later', async () => {
        const { id, c } = await person('rs-off', 'settings');
        await c.sendActivity('hi');
        expect((await c.sendActivity(save({ enabled: 'false', offsets: '' })))?.text).to.equal(t('reminderSettings.savedOff'));
        expect(await deps.reminders.get(id)).to.deep.equal({ ...defaults, enabled: false });
      });

      const refused = [
        { what: 'a forged offset', value: { offsets: '1440,7', quietStart: '' }, errorKey: 'reminderSettings.badOffset' },
        { what: 'reminders on with no time ticked', value: { offsets: '', quietStart: '' }, errorKey: 'reminderSettings.noOffsets' },
        { what: 'a quiet time that is no clock time', value: { offsets: '120', quietStart: '25:00' }, errorKey: 'reminderSettings.badTime' },
      ];
      for (const [i, r] of refused.entries()) {
        it(`${r.what}: the form comes back with the reason, nothing is stored, and it waits again`, async () => {
          const { id, c } = await person(`rs-refused${i}`, 'settings');
          await c.sendActivity('hi');
          const again = cardOf(await c.sendActivity(save(r.value)));
          expect(problemOf(again)).to.equal(t(r.errorKey));
          expect(input(again, 'offsets')?.value).to.equal('1440,120');
          expect(await deps.reminders.get(id)).to.deep.equal(defaults);
          expect((await c.sendActivity(save({ offsets: '60' })))?.text).to.equal(
            t('reminderSettings.saved', { offsets: t('reminderSettings.hours', { count: 1 }), start: l.at21, end: l.at8 }),
          );
          expect((await deps.reminders.get(id)).offsetsMinutes).to.deep.equal([60]);
        });
      }

      it('typed text gets the retry prompt; typed cancel stores nothing', async () => {
        const { id, c } = await person('rs-typed', 'settings');
        await deps.reminders.update(id, { offsetsMinutes: [30] });
        expect(input(cardOf(await c.sendActivity('hi')), 'offsets')?.value).to.equal('30');
        expect((await c.sendActivity('every morning please'))?.text).to.equal(t('reminderSettings.useForm'));
        expect((await c.sendActivity(l.cancel))?.text).to.equal(t('common.cancelled'));
        expect(c.dialogTurnResult.status).to.equal('complete');
        expect(await deps.reminders.get(id)).to.deep.equal({ ...defaults, offsetsMinutes: [30] });
      });

      it("the form's Cancel button leaves everything as it was", async () => {
        const { id, c } = await person('rs-cancel', 'settings');
        await c.sendActivity('hi');
        expect((await c.sendActivity(cancelForm))?.text).to.equal(t('reminderSettings.unchanged'));
        expect(c.dialogTurnResult.status).to.equal('complete');
        expect(await deps.reminders.get(id)).to.deep.equal(defaults);
      });

      it('help repeats the help text and shows the form again', async () => {
        const { c } = await person('rs-help', 'settings');
        await c.sendActivity('hi');
        expect((await c.sendActivity(l.help))?.text).to.equal(`${t('reminderSettings.help')}\n\n${t('help.inDialog')}`);
        expect(input(cardOf(c.getNextReply()), 'offsets')?.value).to.equal('1440,120');
        expect((await c.sendActivity(l.cancel))?.text).to.equal(t('common.cancelled'));
      });

      it('a person without consent is told kindly and no form is shown', async () => {
        const { c } = await person('rs-noconsent', 'settings', false);
        const reply = await c.sendActivity('hi');
        expect(reply?.text).to.equal(t('errors.CONSENT_REQUIRED'));
        expect(reply?.attachments ?? []).to.deep.equal([]);
        expect(c.dialogTurnResult.status).to.equal('complete');
      });

      it("in a group with an upcoming meeting, new offsets re-plan the person's reminders", async () => {
        const memberId = `test:rs-group-${locale}`;
        const group = await groupWithMembers(deps, 'test:leader', `Reminders ${locale}`, [memberId], locale);
        const meeting = await deps.meetings.scheduleMeeting('test:leader', group.groupId, {
          title: 'Museum',
          start: '2026-12-02T10:00',
          durationMinutes: 60,
          place: 'x',
        });
        const plannedOffsets = async () =>
          (await world.jobs.listPending({ meetingId: meeting.id }))
            .filter((j) => j.kind === 'remind' && j.userId === memberId)
            .map((j) => j.payload.offsetMinutes)
            .sort();
        expect(await plannedOffsets()).to.deep.equal([120, 1440]);

        const c = dialogClient(store, new ReminderSettingsDialog(deps), `rs-group-${locale}`, locale, {});
        await c.sendActivity('hi');
        const reply = await c.sendActivity(save({ offsets: '2880,60' }));
        expect(reply?.text).to.equal(t('reminderSettings.saved', { offsets: l.twoDaysAndHour, start: l.at21, end: l.at8 }));
        expect(await plannedOffsets()).to.include.members([2880, 60]);
      });
    });

    describe(`pause in ${locale}`, () => {
      it(`starts a pause (${l.reason}) with a kind word and the end date in the person's language`, async () => {
        const { id, c } = await person('pa-start', 'pause');
        const card = cardOf(await c.sendActivity('hi'));
        expect(input(card, 'until')).to.deep.include({ type: 'Input.Date', min: '2026-11-25', max: '2027-05-24' });
        expect(input(card, 'reason')?.type).to.equal('Input.ChoiceSet');
        expect(buttonsOf(card)).to.deep.equal(['pause.save', 'form.cancel']);

        const reply = await c.sendActivity(pause(l.reason, '2026-12-03'));
        expect(reply?.text).to.equal(`${t(`pause.kind.${l.reason}`)}\n\n${t('pause.started', { date: l.dec3 })}`);
        expect(c.dialogTurnResult.status).to.equal('complete');
        expect(await deps.reminders.currentPause(id)).to.deep.include({ reason: l.reason, until: '2026-12-03' });
      });

      it('a date in the past or over six months ahead brings the form back with the reason; the last allowed day works', async () => {
        const { id, c } = await person('pa-dates', 'pause');
        await c.sendActivity('hi');
        for (const until of ['2026-11-24', '2027-05-25', 'soon']) {
          expect(problemOf(cardOf(await c.sendActivity(pause('other', until))))).to.equal(t('pause.badDate'));
          expect(await deps.reminders.currentPause(id)).to.equal(undefined);
        }
        await c.sendActivity(pause('other', '2027-05-24'));
        expect(await deps.reminders.currentPause(id)).to.deep.include({ reason: 'other', until: '2027-05-24' });
      });

      it("shows the running pause with its end and an end button; the form's Cancel keeps everything", async () => {
        const { id, c } = await person('pa-running', 'pause');
        const running = await deps.reminders.startPause(id, 'other', '2026-12-01');
        const card = cardOf(await c.sendActivity('hi'));
        expect(card.body.map((e) => e.text)).to.include(t('pause.running', { reason: t('pause.reasons.other'), date: l.dec1 }));
        expect(buttonsOf(card)).to.deep.equal(['pause.save', 'form.cancel', 'pause.end']);
        expect((await c.sendActivity(cancelForm))?.text).to.equal(t('pause.unchanged'));
        expect(await deps.reminders.currentPause(id)).to.deep.include(running);
      });

      it('typed text gets the retry prompt; help repeats the help text and the form', async () => {
        const { id, c } = await person('pa-help', 'pause');
        await c.sendActivity('hi');
        expect((await c.sendActivity('next week'))?.text).to.equal(t('pause.useForm'));
        expect((await c.sendActivity(l.help))?.text).to.equal(`${t('pause.help')}\n\n${t('help.inDialog')}`);
        expect(input(cardOf(c.getNextReply()), 'until')?.min).to.equal('2026-11-25');
        expect((await c.sendActivity(l.cancel))?.text).to.equal(t('common.cancelled'));
        expect(await deps.reminders.currentPause(id)).to.equal(undefined);
      });

      it('a person without consent is told kindly', async () => {
        const { c } = await person('pa-noconsent', 'pause', false);
        expect((await c.sendActivity('hi'))?.text).to.equal(t('errors.CONSENT_REQUIRED'));
        expect(c.dialogTurnResult.status).to.equal('complete');
      });
    });
  }
});
