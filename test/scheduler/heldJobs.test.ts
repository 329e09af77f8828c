import { expect } from 'chai';
import type { SchedulerRunner } from '../../src/scheduler/runner';
import type { CosmosStore } from '../../src/store/shared/cosmosClient';
import { freshStore } from '../support/cosmos';
import { drain, leaderId, makeWorld, memberIds, type World } from './support';

const [p1, p2, p3] = memberIds;

/**
 * Messages already held for quiet hours are planned again when the person changes or switches off
 * their quiet hours: nothing waits for hours the person no longer keeps, or comes inside new ones.
 */
describe('held messages follow changed quiet hours (services → jobs → runner → handlers)', () => {
  let store: CosmosStore;
  let w: World;
  let runner: SchedulerRunner;

  beforeEach(async () => {
    store = await freshStore('held');
    w = await makeWorld(store, '2026-03-20T10:00:00.000Z', 'Europe/Helsinki'); // EET, UTC+2
    runner = w.runner();
  });
  afterEach(async () => store.close());

  const at = async (iso: string) => {
    w.clock.set(iso);
    await drain(runner);
  };
  const remindedOf = (userId: string) => w.messenger.texts().filter((r) => r[0] === 'reminder' && r[2] === userId);
  const promptedOf = (userId: string) => w.prompter.prompts.filter((p) => p.userId === userId);
  const storeQuiet = (userId: string, start: string, end: string) =>
    w.prefsRepo.save({ id: 'reminderPrefs', userId, enabled: true, offsetsMinutes: [1440], quietHours: { start, end }, updatedAt: '2026-03-20T10:00:00.000Z' });

  it('re-times a reminder the scheduler held: sent at once when quiet hours are switched off, at the new end when they are changed', async () => {
    await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: 'Kuntosali', start: '2026-03-25T09:00', durationMinutes: 60, place: '' });
    await drain(runner);
    // Quiet 08.30–10.00, written straight into the store: the 24 h reminder stays planned for 09.00 and is held when it is due.
    await storeQuiet(p1, '08:30', '10:00');
    await storeQuiet(p2, '08:30', '10:00');
    await at('2026-03-24T07:00:00.000Z'); // 09.00
    expect(remindedOf(p3)).to.have.length(1);
    expect(remindedOf(p1)).to.deep.equal([]);
    expect(remindedOf(p2)).to.deep.equal([]);

    w.clock.set('2026-03-24T07:10:00.000Z'); // 09.10
    await w.prefs.update(p1, { quietHours: { start: '08:30', end: '11:00' } });
    await w.prefs.update(p2, { quietHours: { start: '08:30', end: '08:30' } }); // switched off
    await at('2026-03-24T07:10:00.000Z');
    expect(remindedOf(p2), 'quiet hours off: at once').to.have.length(1);
    expect(remindedOf(p1)).to.deep.equal([]);

    await at('2026-03-24T08:00:00.000Z'); // 10.00: the old end is no longer p1's
    expect(remindedOf(p1), 'not at the old end of quiet hours').to.deep.equal([]);
    await at('2026-03-24T09:00:00.000Z'); // 11.00
    expect(remindedOf(p1), 'at the new end').to.have.length(1);
    expect(remindedOf(p2)).to.have.length(1);
  });

  it('re-times a reflection prompt held overnight when the person switches quiet hours off in the evening', async () => {
    // Ends 21.00; the prompt at 21.30 falls in the default quiet hours (21–08) and is planned for 08.00.
    await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: 'Iltakävely', start: '2026-03-25T20:00', durationMinutes: 60, place: '' });
    await drain(runner);
    await at('2026-03-25T19:31:00.000Z'); // 21.31
    expect(w.prompter.prompts).to.deep.equal([]);

    w.clock.set('2026-03-25T20:00:00.000Z'); // 22.00
    await w.prefs.update(p1, { quietHours: { start: '21:00', end: '21:00' } });
    await at('2026-03-25T20:00:00.000Z');
    expect(promptedOf(p1)).to.have.length(1);
    expect(promptedOf(p2), 'the others keep their quiet hours').to.deep.equal([]);
    await at('2026-03-26T06:00:00.000Z'); // 08.00
    expect(promptedOf(p2)).to.have.length(1);
    expect(promptedOf(p1), 'once').to.have.length(1);
  });

  it('re-times a reminder planned into quiet hours after its own time had passed', async () => {
    w.clock.set('2026-03-24T20:00:00.000Z'); // 22.00
    // The 24 h reminder of a 21.00 meeting was due at 21.00 today: planned for 08.00, when quiet hours end.
    await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: 'Ilta', start: '2026-03-25T21:00', durationMinutes: 60, place: '' });
    await drain(runner);
    expect(w.messenger.texts().filter((r) => r[0] === 'reminder')).to.deep.equal([]);
    w.clock.set('2026-03-24T20:30:00.000Z'); // 22.30
    await w.prefs.update(p1, { quietHours: { start: '22:00', end: '22:00' } });
    await at('2026-03-24T20:30:00.000Z');
    expect(remindedOf(p1)).to.have.length(1);
    expect(remindedOf(p2)).to.deep.equal([]);
    await at('2026-03-25T06:00:00.000Z');
    expect(remindedOf(p2)).to.have.length(1);
    expect(remindedOf(p1)).to.have.length(1);
  });

  it('keeps a snoozed reminder at its snoozed time when quiet hours are switched off before it', async () => {
    await w.meetings.scheduleMeeting(leaderId, w.group.groupId, { title: 'Aamu', start: '2026-03-26T09:00', durationMinutes: 60, place: '' });
    await at('2026-03-25T07:00:00.000Z'); // 09.00 the day before
    const jobId = remindedOf(p1)[0]![5]!;
    w.clock.set('2026-03-25T18:30:00.000Z'); // 20.30: + 60 min is quiet, so the snooze is planned for 08.00
    await w.meetings.snoozeReminder(p1, w.group.groupId, jobId, 60);
    await w.prefs.update(p1, { quietHours: { start: '21:00', end: '21:00' } });
    await at('2026-03-25T19:29:00.000Z'); // 21.29
    expect(remindedOf(p1), 'not before its snoozed time').to.have.length(1);
    await at('2026-03-25T19:30:00.000Z'); // 21.30
    expect(remindedOf(p1)).to.have.length(2);
  });
});
