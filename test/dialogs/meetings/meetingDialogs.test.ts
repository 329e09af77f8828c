import { expect } from 'chai';
import type { Activity, ConversationState, Storage, StoreItems, TestAdapter, TurnContext } from 'botbuilder';
import { ConcurrencySafeDialogState } from '../../../src/bot/dialogState';
import { isDomainError } from '../../../src/domain/shared/errors';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { CancelMeetingDialog } from '../../../dialogs/meetings/cancelMeetingDialog';
import type { DialogDeps } from '../../../dialogs/shared/context';
import { MoveMeetingDialog } from '../../../dialogs/meetings/moveMeetingDialog';
import { ScheduleMeetingDialog } from '../../../dialogs/meetings/scheduleMeetingDialog';
import type { Locale } from '../../../src/domain/shared/locale';
import type { Meeting } from '../../../src/domain/meetings/model';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosDialogStateStorage } from '../../../src/store/shared/dialogStateStorage';
import { cardOf, input, problemOf, type Card } from '../../support/cards';
import { expectedTexts, type LiteralTexts } from '../../support/expectedTexts';
import { freshStore } from '../../support/cosmos';
import { dialogClient, dialogWorld, groupWithMembers, type DialogWorld } from '../../support/dialogDeps';

/** What a Finnish-speaking person reads, written out (the other languages are checked through the locale files). */
const literalFi: LiteralTexts = {
  "cancelMeeting.confirm {\"title\":\"Museum visit\",\"date\":\"keskiviikkona 2. joulukuuta 2026 klo 10.00\"}":
    "Perutaanko tapaaminen \"Museum visit\" (keskiviikkona 2. joulukuuta 2026 klo 10.00)?",
  "cancelMeeting.doneNobody {\"title\":\"Museum visit\",\"date\":\"keskiviikkona 2. joulukuuta 2026 klo 10.00\"}":
    "Tapaaminen \"Museum visit\" (keskiviikkona 2. joulukuuta 2026 klo 10.00) on peruttu. Kukaan ei ollut vielä kuullut siitä, joten en lähetä peruutusta kenellekään.",
  "cancelMeeting.help":
    "Tässä perut tapaamisen. Jos vastaat kyllä, kerron peruutuksesta niille, jotka tiesivät tapaamisesta. Jos vastaat ei, kaikki pysyy ennallaan.",
  "cancelMeeting.kept {\"title\":\"Museum visit\",\"date\":\"keskiviikkona 2. joulukuuta 2026 klo 10.00\"}":
    "Selvä, tapaaminen \"Museum visit\" (keskiviikkona 2. joulukuuta 2026 klo 10.00) pidetään niin kuin on sovittu.",
  "common.cancelled": "Selvä, lopetin sen. Mitään ei muutettu.",
  "errors.CONFLICT": "Joku muutti samaa asiaa samalla hetkellä. Yritä uudelleen – mitään ei hävinnyt.",
  "errors.INVALID_INPUT": "Jokin siinä ei ollut aivan oikein. Yritä uudelleen.",
  "errors.MEETING_CANCELLED": "Se tapaaminen on peruttu.",
  "errors.MEETING_IN_PAST": "Se aika on jo mennyt. Valitse tuleva aika.",
  "errors.NOT_GROUP_LEADER": "Vain ryhmän oma ohjaaja voi tehdä sen.",
  "errors.NOT_LEADER":
    "Vain ryhmien ohjaajat voivat tehdä sen. Jos ohjaat ryhmiä, valitse valikosta \"Olen ryhmän ohjaaja\".",
  "help.inDialog": "Voit myös kirjoittaa \"peruuta\" lopettaaksesi tai \"valikko\" nähdäksesi kaiken, missä voin auttaa.",
  "meetingForm.hoursMinutes {\"hours\":1,\"minutes\":30}": "1 t 30 min",
  "meetingForm.moveHeading {\"group\":\"Aamuryhmä\"}": "Tapaamisen uusi aika – Aamuryhmä",
  "meetingForm.newHeading {\"group\":\"Aamuryhmä\"}": "Uusi tapaaminen ryhmälle Aamuryhmä",
  "meetingForm.newHeading {\"group\":\"Iltaryhmä\"}": "Uusi tapaaminen ryhmälle Iltaryhmä",
  "meetingForm.now {\"date\":\"ke 2.12. klo 10.00\"}": "Nykyinen aika: ke 2.12. klo 10.00",
  "meetingForm.unchanged": "Selvä, mitään ei muutettu.",
  "meetingForm.useForm": "Täytä yllä oleva lomake ja paina Tallenna, tai kirjoita \"peruuta\".",
  "meetingForm.zone {\"zone\":\"Europe/Helsinki\"}": "Ajat ovat aikavyöhykkeellä Europe/Helsinki.",
  "moveMeeting.done_place {\"title\":\"Museum visit\",\"date\":\"torstaina 3. joulukuuta 2026 klo 12.30\",\"place\":\"Library\"}":
    "Tapaaminen on siirretty: \"Museum visit\" on nyt torstaina 3. joulukuuta 2026 klo 12.30. Paikka: Library. Kerron muutoksesta osallistujille, ja muistutukset tulevat uuden ajan mukaan.",
  "moveMeeting.help":
    "Tässä siirrät tapaamisen uuteen aikaan. Muuta päivää, kellonaikaa, kestoa tai paikkaa ja tallenna. Kerron muutoksesta osallistujille, ja muistutukset siirtyvät uuteen aikaan.",
  "moveMeeting.unchanged": "Aika ja paikka ovat samat kuin ennenkin, joten mitään ei muutettu.",
  "scheduleMeeting.askGroup": "Mille ryhmälle tapaaminen on?",
  "scheduleMeeting.done {\"title\":\"Museum visit\",\"date\":\"keskiviikkona 2. joulukuuta 2026 klo 10.00\"}":
    "Valmista! Tapaaminen \"Museum visit\" on sovittu: keskiviikkona 2. joulukuuta 2026 klo 10.00. Kerron siitä osallistujille ja muistutan heitä ennen tapaamista.",
  "scheduleMeeting.done_place {\"title\":\"Museum visit\",\"date\":\"keskiviikkona 2. joulukuuta 2026 klo 10.00\",\"place\":\"Ateneum\"}":
    "Valmista! Tapaaminen \"Museum visit\" on sovittu: keskiviikkona 2. joulukuuta 2026 klo 10.00. Paikka: Ateneum. Kerron siitä osallistujille ja muistutan heitä ennen tapaamista.",
  "scheduleMeeting.help":
    "Tässä sovit ryhmällesi uuden tapaamisen: nimi, päivä, kellonaika, kesto ja paikka. Kun tallennat, kerron siitä osallistujille ja muistutan heitä ennen tapaamista.",
  "scheduleMeeting.noGroups":
    "Sinulla ei ole vielä omia ryhmiä. Luo ensin ryhmä – sen jälkeen voit suunnitella sen tapaamiset.",
};

const LEADER = 'test:leader';
const MEMBERS = ['test:p1', 'test:p2'];

/** Per language: the typed words, and the dates the person should read (written out, not recomputed); a confirmation repeats the day in words. */
const lang = {
  fi: { help: 'apua', cancel: 'peruuta', yes: 'Kyllä', no: 'Ei', dec2: 'ke 2.12. klo 10.00', dec3: 'to 3.12. klo 12.30', dec2Words: 'keskiviikkona 2. joulukuuta 2026 klo 10.00', dec3Words: 'torstaina 3. joulukuuta 2026 klo 12.30' },
  sv: { help: 'hjälp', cancel: 'avbryt', yes: 'Ja', no: 'Nej', dec2: 'ons 2 dec kl. 10.00', dec3: 'tors 3 dec kl. 12.30', dec2Words: 'onsdag 2 december 2026 kl. 10.00', dec3Words: 'torsdag 3 december 2026 kl. 12.30' },
  en: { help: 'help', cancel: 'cancel', yes: 'Yes', no: 'No', dec2: 'Wed 2 Dec, 10:00', dec3: 'Thu 3 Dec, 12:30', dec2Words: 'Wednesday, 2 December 2026 at 10:00', dec3Words: 'Thursday, 3 December 2026 at 12:30' },
} as const satisfies Record<Locale, Record<string, string>>;

const textsOf = (card: Card) => card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text);
const valuesOf = (card: Card) => Object.fromEntries(['title', 'date', 'time', 'duration', 'place'].map((id) => [id, input(card, id)?.value]));
/** A prompt shown as a hero card: its question and its buttons. */
function heroOf(reply: Partial<Activity> | undefined): { text?: string; buttons?: string[] } {
  const content = reply?.attachments?.[0]?.content as { text?: string; buttons?: Array<{ title: string }> } | undefined;
  return { text: content?.text, buttons: content?.buttons?.map((b) => b.title) };
}

const typed = { title: 'Museum visit', date: '2026-12-02', time: '10:00', duration: '90', place: 'Ateneum' };
const submit = (change: Partial<typeof typed> = {}) => ({ type: 'message', value: { action: 'meeting.save', ...typed, ...change } });
const cancelForm = { type: 'message', value: { action: 'form.cancel' } };

/** Holds the dialog-state read of the next `turns` turns until all have read it: two clicks on Save racing. */
class RacingStorage implements Storage {
  private turns = 0;
  private held: Array<() => void> = [];
  constructor(private readonly inner: Storage) {}
  race(turns: number) {
    this.turns = turns;
  }
  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    if (this.turns > 1) {
      await new Promise<void>((resolve) => {
        this.held.push(resolve);
        if (this.held.length === this.turns) {
          this.turns = 0;
          this.held.splice(0).forEach((release) => release());
        }
      });
    }
    return items;
  }
  write(changes: StoreItems) {
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
}

describe('meeting dialogs: schedule, move, cancel (DialogTestClient transcripts on the embedded Cosmos store)', () => {
  let store: CosmosStore;
  let world: DialogWorld;
  let deps: DialogDeps;

  beforeEach(async () => {
    store = await freshStore('meetingdialogs');
    world = dialogWorld(store, '2026-11-25T10:00:00Z', [LEADER]);
    deps = world.deps;
  });
  afterEach(async () => store.close());

  const client = (dialog: Dialog, userId: string, locale: Locale, options?: unknown) => dialogClient(store, dialog, userId, locale, options);
  const upcoming = (groupId: string) => deps.overview.listUpcoming(LEADER, groupId);
  const museumMeeting = (groupId: string) =>
    deps.meetings.scheduleMeeting(LEADER, groupId, { title: typed.title, start: '2026-12-02T10:00', durationMinutes: 90, place: typed.place });
  const pendingJobs = async (meeting: Meeting, kind: string) => world.jobs.listPending({ meetingId: meeting.id, kinds: [kind] });

  for (const locale of ['fi', 'sv', 'en'] as const) {
    const t = expectedTexts(locale, 'fi', literalFi);
    const l = lang[locale];
    const helpText = (key: string) => `${t(key)}\n\n${t('help.inDialog')}`;
    const scheduled = t('scheduleMeeting.done_place', { title: typed.title, date: l.dec2Words, place: typed.place });

    describe(`in ${locale}`, () => {
      it('schedule: with one group the form comes at once; saving stores the local time in UTC and plans the notices', async () => {
        const group = await groupWithMembers(deps, LEADER, 'Aamuryhmä', MEMBERS, locale);
        const c = client(new ScheduleMeetingDialog(deps), 'leader', locale);
        const form = cardOf(await c.sendActivity('new meeting'));
        expect(textsOf(form)).to.include(t('meetingForm.newHeading', { group: 'Aamuryhmä' }));
        expect(textsOf(form)).to.include(t('meetingForm.zone', { zone: 'Europe/Helsinki' }));
        expect(input(form, 'date')?.min).to.equal('2026-11-25');
        expect(input(form, 'duration')?.choices?.map((ch) => ch.value)).to.deep.equal(['30', '60', '90', '120', '180', '240']);
        expect(input(form, 'duration')?.choices?.[2]?.title).to.equal(t('meetingForm.hoursMinutes', { hours: 1, minutes: 30 }));
        for (const id of ['title', 'date', 'time', 'duration', 'place']) {
          expect(input(form, id)?.label, `${id} label`).to.be.a('string').and.not.equal('');
          expect(input(form, id)?.errorMessage, `${id} errorMessage`).to.be.a('string').and.not.equal('');
        }
        expect(form.actions.map((a) => a.data.action)).to.deep.equal(['meeting.save', 'form.cancel']);

        expect((await c.sendActivity(submit()))?.text).to.equal(scheduled);
        expect(c.dialogTurnResult.status).to.equal('complete');
        const meetings = await upcoming(group.groupId);
        expect(meetings).to.have.length(1);
        expect(meetings[0]).to.deep.include({
          title: typed.title,
          startsAt: '2026-12-02T08:00:00.000Z',
          endsAt: '2026-12-02T09:30:00.000Z',
          place: typed.place,
          revision: 1,
        });
        const notices = await pendingJobs(meetings[0] as Meeting, 'notify');
        expect(notices.map((j) => j.userId).sort()).to.deep.equal(MEMBERS);
      });

      it('schedule: a leader of two groups picks one by name, and the meeting goes to that group only', async () => {
        const morning = await groupWithMembers(deps, LEADER, 'Aamuryhmä', ['test:p1'], locale);
        const evening = await groupWithMembers(deps, LEADER, 'Iltaryhmä', ['test:p2'], locale);
        const c = client(new ScheduleMeetingDialog(deps), 'leader', locale);
        const question = heroOf(await c.sendActivity('new meeting'));
        expect(question).to.deep.equal({ text: t('scheduleMeeting.askGroup'), buttons: ['Aamuryhmä', 'Iltaryhmä'] });
        expect(textsOf(cardOf(await c.sendActivity('Iltaryhmä')))).to.include(t('meetingForm.newHeading', { group: 'Iltaryhmä' }));
        const saved = await c.sendActivity(submit({ place: '' }));
        expect(saved?.text).to.equal(t('scheduleMeeting.done', { title: typed.title, date: l.dec2Words }));
        expect(await upcoming(evening.groupId)).to.have.length(1);
        expect(await upcoming(morning.groupId)).to.have.length(0);
      });

      it('schedule: a past time or a blank name brings the form back with the reason and what was typed; then it saves', async () => {
        const group = await groupWithMembers(deps, LEADER, 'Aamuryhmä', MEMBERS, locale);
        const c = client(new ScheduleMeetingDialog(deps), 'leader', locale);
        await c.sendActivity('new meeting');
        expect((await c.sendActivity('tomorrow at ten'))?.text).to.equal(t('meetingForm.useForm'));

        const past = cardOf(await c.sendActivity(submit({ date: '2026-11-25', time: '09:00' })));
        expect(problemOf(past)).to.equal(t('errors.MEETING_IN_PAST'));
        expect(valuesOf(past)).to.deep.equal({ ...typed, date: '2026-11-25', time: '09:00' });
        const blank = cardOf(await c.sendActivity(submit({ title: '   ' })));
        expect(problemOf(blank)).to.equal(t('errors.INVALID_INPUT'));
        expect(await upcoming(group.groupId)).to.have.length(0);

        expect((await c.sendActivity(submit()))?.text).to.equal(scheduled);
        expect(await upcoming(group.groupId)).to.have.length(1);
      });

      it('schedule: two quick clicks on Save store one meeting', async () => {
        const group = await groupWithMembers(deps, LEADER, 'Aamuryhmä', MEMBERS, locale);
        const storage = new RacingStorage(new CosmosDialogStateStorage(store.containers.botstate));
        const setUser = {
          onTurn: async (context: TurnContext, next: () => Promise<void>) => {
            context.activity.from = { id: 'leader', name: 'leader' };
            context.activity.locale = locale;
            await next();
          },
        };
        const c = new DialogTestClient('test', new ScheduleMeetingDialog(deps), undefined, [setUser], new ConcurrencySafeDialogState(storage) as unknown as ConversationState);
        // As in the running bot: the turn whose dialog-stack save loses the race says "please try again".
        (c as unknown as { _testAdapter: TestAdapter })._testAdapter.onTurnError = async (context: TurnContext, error: unknown) => {
          if (!isDomainError(error, 'CONFLICT')) throw error;
          await context.sendActivity(t('errors.CONFLICT'));
        };
        await c.sendActivity('new meeting');
        storage.race(2);
        // Both turns continue the same stored form, so both answer it with the dialog run's request id.
        const replies = await Promise.all([c.sendActivity(submit()), c.sendActivity(submit())]);
        expect(replies.map((r) => r?.text)).to.deep.equal([scheduled, scheduled]);
        expect(await upcoming(group.groupId)).to.have.length(1);
        // The production dialog state keeps the eTag it read: the second save conflicts instead of overwriting.
        expect(c.getNextReply()?.text).to.equal(t('errors.CONFLICT'));
      });

      it('schedule: typed help repeats the help text; the Cancel button and a typed cancel store nothing', async () => {
        const group = await groupWithMembers(deps, LEADER, 'Aamuryhmä', MEMBERS, locale);
        const c = client(new ScheduleMeetingDialog(deps), 'leader', locale);
        await c.sendActivity('new meeting');
        expect((await c.sendActivity(l.help))?.text).to.equal(helpText('scheduleMeeting.help'));
        expect(c.getNextReply()).to.equal(undefined);
        expect((await c.sendActivity(cancelForm))?.text).to.equal(t('meetingForm.unchanged'));
        expect(c.dialogTurnResult.status).to.equal('complete');

        const again = client(new ScheduleMeetingDialog(deps), 'leader', locale);
        cardOf(await again.sendActivity('new meeting'));
        expect((await again.sendActivity(l.cancel))?.text).to.equal(t('common.cancelled'));
        expect(await upcoming(group.groupId)).to.have.length(0);
      });

      it('schedule: a leader without groups is told to create one first', async () => {
        const c = client(new ScheduleMeetingDialog(deps), 'leader', locale);
        expect((await c.sendActivity('new meeting'))?.text).to.equal(t('scheduleMeeting.noGroups'));
      });

      it('move: the form shows the current time; saving moves it, re-plans reminders for the new revision and tells participants', async () => {
        const group = await groupWithMembers(deps, LEADER, 'Aamuryhmä', MEMBERS, locale);
        const meeting = await museumMeeting(group.groupId);
        const c = client(new MoveMeetingDialog(deps), 'leader', locale, { groupId: group.groupId, meetingId: meeting.id });
        const form = cardOf(await c.sendActivity('move'));
        expect(textsOf(form)).to.include.members([
          t('meetingForm.moveHeading', { group: 'Aamuryhmä' }),
          typed.title,
          t('meetingForm.now', { date: l.dec2 }),
          t('meetingForm.zone', { zone: 'Europe/Helsinki' }),
        ]);
        expect(valuesOf(form)).to.deep.equal({ ...typed, title: undefined });

        const moved = await c.sendActivity(submit({ title: '', date: '2026-12-03', time: '12:30', duration: '60', place: 'Library' }));
        expect(moved?.text).to.equal(t('moveMeeting.done_place', { title: typed.title, date: l.dec3Words, place: 'Library' }));
        const [now] = await upcoming(group.groupId);
        expect(now).to.deep.include({
          id: meeting.id,
          startsAt: '2026-12-03T10:30:00.000Z',
          endsAt: '2026-12-03T11:30:00.000Z',
          place: 'Library',
          revision: 2,
        });
        const reminders = await pendingJobs(meeting, 'remind');
        expect(reminders).to.have.length(MEMBERS.length * 2);
        for (const job of reminders) expect(job.payload).to.deep.include({ revision: 2, meetingStartsAt: '2026-12-03T10:30:00.000Z' });
        // The scheduler has not run: nobody heard of the first time, so each is told of the meeting as new, at the new time.
        const notices = (await pendingJobs(meeting, 'notify')).filter((j) => j.payload.revision === 2);
        expect(notices.map((j) => `${j.userId}:${j.payload.event}`).sort()).to.deep.equal(MEMBERS.map((m) => `${m}:scheduled`));
      });

      it('move: help repeats the help text; a past time comes back on the form; the same time and place change nothing', async () => {
        const group = await groupWithMembers(deps, LEADER, 'Aamuryhmä', MEMBERS, locale);
        const meeting = await museumMeeting(group.groupId);
        const c = client(new MoveMeetingDialog(deps), 'leader', locale, { groupId: group.groupId, meetingId: meeting.id });
        await c.sendActivity('move');
        expect((await c.sendActivity(l.help))?.text).to.equal(helpText('moveMeeting.help'));
        const past = cardOf(await c.sendActivity(submit({ date: '2026-11-24' })));
        expect(problemOf(past)).to.equal(t('errors.MEETING_IN_PAST'));
        expect(input(past, 'date')?.value).to.equal('2026-11-24');
        expect((await c.sendActivity(submit()))?.text).to.equal(t('moveMeeting.unchanged'));
        expect((await upcoming(group.groupId))[0]).to.deep.include({ startsAt: meeting.startsAt, revision: 1 });
      });

      it('cancel a meeting: no keeps it; yes cancels it and stops its reminders (no notice to anyone never told); then it cannot be moved', async () => {
        const group = await groupWithMembers(deps, LEADER, 'Aamuryhmä', MEMBERS, locale);
        const meeting = await museumMeeting(group.groupId);
        const options = { groupId: group.groupId, meetingId: meeting.id };
        const confirm = t('cancelMeeting.confirm', { title: typed.title, date: l.dec2Words });

        const keep = client(new CancelMeetingDialog(deps), 'leader', locale, options);
        expect(heroOf(await keep.sendActivity('cancel meeting'))).to.deep.equal({ text: confirm, buttons: [l.yes, l.no] });
        expect((await keep.sendActivity(l.help))?.text).to.equal(helpText('cancelMeeting.help'));
        expect(heroOf(keep.getNextReply()).text).to.equal(confirm);
        expect((await keep.sendActivity(l.no))?.text).to.equal(t('cancelMeeting.kept', { title: typed.title, date: l.dec2Words }));
        expect(await upcoming(group.groupId)).to.have.length(1);

        const drop = client(new CancelMeetingDialog(deps), 'leader', locale, options);
        await drop.sendActivity('cancel meeting');
        expect((await drop.sendActivity(l.yes))?.text).to.equal(t('cancelMeeting.doneNobody', { title: typed.title, date: l.dec2Words }));
        expect(await upcoming(group.groupId)).to.have.length(0);
        expect(await world.meetingsRepo.get(group.groupId, meeting.id)).to.have.property('status', 'cancelled');
        expect(await pendingJobs(meeting, 'remind')).to.have.length(0);
        // The scheduler has not run here: nobody was told of the meeting, so there is no cancellation to send
        // (those who were told get one: test/services/meetings, test/http/notices).
        const notices = (await pendingJobs(meeting, 'notify')).filter((j) => j.payload.event === 'cancelled');
        expect(notices).to.deep.equal([]);

        const move = client(new MoveMeetingDialog(deps), 'leader', locale, options);
        expect((await move.sendActivity('move'))?.text).to.equal(t('errors.MEETING_CANCELLED'));
      });

      it('a participant is refused kindly everywhere and nothing changes', async () => {
        const group = await groupWithMembers(deps, LEADER, 'Aamuryhmä', MEMBERS, locale);
        const meeting = await museumMeeting(group.groupId);
        const options = { groupId: group.groupId, meetingId: meeting.id };
        const tries: Array<[Dialog, unknown, string]> = [
          [new ScheduleMeetingDialog(deps), undefined, 'errors.NOT_LEADER'],
          [new ScheduleMeetingDialog(deps), { groupId: group.groupId }, 'errors.NOT_GROUP_LEADER'],
          [new MoveMeetingDialog(deps), options, 'errors.NOT_GROUP_LEADER'],
          [new CancelMeetingDialog(deps), options, 'errors.NOT_GROUP_LEADER'],
        ];
        for (const [dialog, dialogOptions, key] of tries) {
          const c = client(dialog, 'p1', locale, dialogOptions);
          expect((await c.sendActivity('hi'))?.text, `${dialog.id}`).to.equal(t(key));
          expect(c.getNextReply(), `${dialog.id} shows no form`).to.equal(undefined);
          expect(c.dialogTurnResult.status).to.equal('complete');
        }
        const meetings = await upcoming(group.groupId);
        expect(meetings).to.have.length(1);
        expect(meetings[0]).to.deep.include({ startsAt: meeting.startsAt, revision: 1, status: 'scheduled' });
      });
    });
  }
});
