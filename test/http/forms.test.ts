import { expect } from 'chai';
import { BotHarness, createGroupAs, onboardAndJoin, person, submitActions, textOf } from '../support/botHarness';
import { ManualClock } from '../scheduler/support';

/** The inputs of the cards in these answers, by id. */
function inputs(activities: Record<string, any>[]): Record<string, any> {
  const found: Record<string, any> = {};
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id) found[node.id] = node;
    Object.values(node).forEach(walk);
  };
  for (const a of activities) for (const att of a.attachments ?? []) walk(att.content);
  return found;
}

describe('HTTP: forms choose nothing for the person, and confirmations repeat the choice in words', function () {
  const clock = new ManualClock('2026-11-25T08:00:00.000Z');
  const bot = new BotHarness();
  const leader = person('Leena', 'fi');
  const aino = person('Aino', 'fi');
  const sam = person('Sam', 'en');
  const siri = person('Siri', 'sv');

  before(async () => {
    await bot.start({}, { clock });
    const code = await createGroupAs(bot, leader, { leader: 'Leena', group: 'Kuntosali' });
    for (const p of [aino, sam, siri]) await onboardAndJoin(bot, p, code);
  });
  after(async () => bot.stop());

  it('opens the pause form with no reason chosen and the last day a week ahead', async () => {
    const form = inputs(await bot.submit(aino, { action: 'pause' }));
    expect(form.reason).to.not.have.property('value');
    expect(form.until.value).to.equal('2026-12-02');
  });

  it('answers a pause for illness kindly, without "great news", and with the day in words', async () => {
    const text = textOf(await bot.submit(aino, { action: 'pause.save', reason: 'ill', until: '2026-12-02' }));
    expect(text).to.contain('Ikävää, että olet kipeänä. Lepää kunnolla ja parane pian.').and.contain('2. joulukuuta 2026');
    expect(text).to.not.contain('mahtava').and.not.contain('Lepää rauhassa');
    await bot.submit(sam, { action: 'pause' });
    const en = textOf(await bot.submit(sam, { action: 'pause.save', reason: 'ill', until: '2026-12-02' }));
    expect(en).to.contain('2 December 2026').and.not.contain('great news');
  });

  it('switches quiet hours off with a checkbox', async () => {
    const form = inputs(await bot.submit(siri, { action: 'reminders' }));
    expect(form.quietOn).to.deep.include({ type: 'Input.Toggle', title: 'Tyst tid på', value: 'true' });
    const text = textOf(await bot.submit(siri, { action: 'reminders.save', enabled: 'true', offsets: '1440,120', quietStart: '21:00', quietEnd: '08:00', quietOn: 'false' }));
    expect(text).to.contain('Sparat. Jag påminner dig').and.contain('oavsett tid på dygnet');
    await bot.submit(siri, { action: 'reminders' });
    const same = textOf(await bot.submit(siri, { action: 'reminders.save', enabled: 'true', offsets: '1440', quietStart: '21:00', quietEnd: '21:00', quietOn: 'true' }));
    expect(same).to.contain('Välj olika start och slut för tyst tid');
  });

  it('repeats the meeting day and time in words when the leader saves the form', async () => {
    const groupId = submitActions(await bot.submit(leader, { action: 'meetings' })).find((a) => a.data.action === 'meeting.new')!.data.groupId;
    await bot.submit(leader, { action: 'meeting.new', groupId });
    const text = textOf(await bot.submit(leader, { action: 'meeting.save', title: 'Kuntosali', date: '2026-12-02', time: '09:00', duration: '60', place: '' }));
    expect(text).to.contain('Tapaaminen "Kuntosali" on sovittu: keskiviikkona 2. joulukuuta 2026 klo 9.00.');
  });
});
