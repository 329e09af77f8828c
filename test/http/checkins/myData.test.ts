import { expect } from 'chai';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inviteCodeIn, person, submitActions, textOf, type Person } from '../../support/botHarness';
import { checkInWorld, emptyCard, userIdOf } from './support';

type Doc = Record<string, any>;

/**
 * "My data" and "Delete my data" (issue 12 item 6, issue 9 item 3): the export holds every kind of
 * document that carries the person's id; after the erase a scan of every container finds none.
 */
describe('HTTP: my data — export everything, then erase everything', function () {
  let w: Awaited<ReturnType<typeof checkInWorld>>;
  const ville = person('Ville', 'fi');
  let exported: { userId: string; data: Record<string, Doc[]> };

  /** Every document of every container, with the container's name. */
  async function scan(): Promise<Array<{ container: string; doc: Doc }>> {
    const out: Array<{ container: string; doc: Doc }> = [];
    for (const [container, c] of Object.entries(w.bot.app.store.containers)) {
      const { resources } = await c.items.query('SELECT * FROM c').fetchAll();
      for (const doc of resources) out.push({ container, doc });
    }
    return out;
  }
  /** The person's ids as they can appear: the user id, the AAD object id and the channel's from.id (in dialog-state keys). */
  const carries = (doc: Doc, p: Person) => JSON.stringify(doc).includes(p.id);
  const kindOf = ({ container, doc }: { container: string; doc: Doc }) =>
    container === 'jobs' ? `jobs:${doc.kind}:${doc.pk === 'pending' ? 'pending' : 'done'}` : `${container}:${doc.type}`;

  before(async () => {
    w = await checkInWorld('2026-12-01T08:00:00.000Z');
    const { bot, leader } = w;
    const code = inviteCodeIn(await bot.submit(leader, { action: 'myGroups' }));
    await bot.install(ville);
    await bot.submit(ville, { action: 'join' });
    await bot.say(ville, 'Suomi');
    await bot.say(ville, 'Kyllä');
    await bot.say(ville, 'Ville');
    await bot.submit(ville, { action: 'limits.save', mobility: true, note: 'selkä' });
    await bot.say(ville, 'ZZZZZ-ZZZZZ'); // a wrong code: counted against guessing
    await bot.say(ville, code);
    await bot.submit(ville, { action: 'reminders' });
    await bot.submit(ville, { action: 'reminders.save', enabled: true, offsets: '1440', quietStart: '22:00', quietEnd: '08:00' });
    await bot.submit(leader, { action: 'meeting.new', groupId: w.groupId });
    await bot.submit(leader, { action: 'meeting.save', title: 'Kuntosali', date: '2026-12-02', time: '10:00', duration: '90', place: 'Urheilutalo' });
    let from = w.mark();
    await bot.app.scheduler.tick();
    const rsvp = submitActions(w.since(from, ville)).find((a) => a.data.action === 'rsvp' && a.data.answer === 'yes')!;
    await bot.submit(ville, rsvp.data);
    await bot.submit(ville, { action: 'pause' });
    await bot.submit(ville, { action: 'pause.save', reason: 'other', until: '2026-12-01' });
    from = w.mark();
    w.clock.set('2026-12-02T09:30:00.000Z');
    await bot.app.scheduler.tick();
    const roster = submitActions(w.since(from, leader)).find((a) => a.data.action === 'attendance.save')!.data;
    const i = (roster.members as string[]).indexOf(userIdOf(ville));
    await bot.submit(leader, { ...roster, [`m${i}`]: 'present' });
    w.clock.set('2026-12-02T12:00:00.000Z');
    await bot.submit(ville, { action: 'checkins.start', meetingId: rsvp.data.meetingId });
    await bot.submit(ville, { ...emptyCard, mood: '4', did: 'Salilla', s_life: 'lookedAfterHealth', nextStep: 'Soitan', nextStepDate: '2026-12-10', share: 'true' });
    await bot.say(ville, 'en jaksa enää');
    await bot.say(ville, 'Kyllä');
    await bot.app.scheduler.tick(); // the contact request goes: a finished job about Ville
  });
  after(async () => w.bot.stop());

  it('"My data" in Teams offers the file through the consent card, and on accept uploads one JSON file to the URL Teams gave', async () => {
    const offer = await w.bot.submit(ville, { action: 'checkins.export' });
    expect(offer[0]!.text).to.equal('Teamsissa tiedosto tallentuu OneDriveesi, kun hyväksyt sen.');
    const [consent] = offer[0]!.attachments;
    expect(consent.contentType).to.equal('application/vnd.microsoft.teams.card.file.consent');
    expect(consent.name).to.equal('group-coach-my-data-2026-12-02.json');
    expect(consent.content).to.deep.include({ description: 'Kaikki, mitä Group Coach on tallentanut sinusta (JSON).', acceptContext: { kind: 'myData' } });

    const uploaded: Array<{ range?: string; body: string }> = [];
    const oneDrive = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        uploaded.push({ range: req.headers['content-range'], body });
        res.statusCode = 201;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => oneDrive.listen(0, '127.0.0.1', () => r()));
    const uploadUrl = `http://127.0.0.1:${(oneDrive.address() as AddressInfo).port}/upload/session-1`;
    const uploadInfo = { uploadUrl, contentUrl: 'https://contoso-my.sharepoint.com/personal/ville/Documents/my-data.json', name: consent.name, uniqueId: 'u-1', fileType: 'json' };
    const answer = await w.bot.turn(ville, { type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'accept', context: { kind: 'myData' }, uploadInfo } });
    oneDrive.close();
    expect(uploaded).to.have.length(1);
    expect(uploaded[0]!.range).to.equal(`bytes 0-${Buffer.byteLength(uploaded[0]!.body) - 1}/${Buffer.byteLength(uploaded[0]!.body)}`);
    const shown = answer.find((a) => a.type === 'message')!;
    expect(shown.text).to.equal('Tässä on kaikki, mitä olen tallentanut sinusta, JSON-tiedostona.');
    expect(shown.attachments[0]).to.deep.include({ contentType: 'application/vnd.microsoft.teams.card.file.info', contentUrl: uploadInfo.contentUrl, name: consent.name });
    const file = { contentUrl: `data:application/json;base64,${Buffer.from(uploaded[0]!.body).toString('base64')}` };
    exported = JSON.parse(Buffer.from(String(file.contentUrl).replace('data:application/json;base64,', ''), 'base64').toString('utf8'));
    expect(exported.userId).to.equal(userIdOf(ville));

    const had = new Set((await scan()).filter(({ doc }) => carries(doc, ville)).map(kindOf));
    // What the person had, named so the test fails when a kind goes missing from the setup.
    for (const kind of ['users:user', 'users:conversationRef', 'users:codeAttempts', 'users:reminderPrefs', 'users:pause', 'users:checkin', 'groups:group', 'groups:rsvp', 'groups:attendance', 'botstate:dialogState', 'jobs:notify:done', 'jobs:reflect:done', 'jobs:checkins.nextStep:pending', 'jobs:checkins.contact:done']) {
      expect(had, kind).to.include(kind);
    }
    const inExport = new Set(
      Object.entries(exported.data).flatMap(([container, docs]) =>
        container === 'memberships' ? (docs.length > 0 ? ['groups:group'] : []) : docs.map((doc) => kindOf({ container, doc })),
      ),
    );
    for (const kind of had) expect(inExport, `export lacks ${kind}`).to.include(kind);
    expect(exported.data.memberships).to.deep.equal([{ groupId: w.groupId, name: 'Kuntosali', membership: { userId: userIdOf(ville), displayName: 'Ville', joinedAt: '2026-12-01T08:00:00.000Z' } }]);
    expect(JSON.stringify(exported)).to.not.contain(w.aino.id);
  });

  it('a declined file sends nothing; a forged consent answer is refused', async () => {
    expect(textOf(await w.bot.turn(ville, { type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'decline', context: { kind: 'myData' } } }))).to.equal(
      'Selvä, en lähettänyt tiedostoa.',
    );
    const forged = await w.bot.post({ type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'accept', context: { kind: 'other' } }, channelId: 'msteams', serviceUrl: w.bot.connector.url, from: { id: ville.id, aadObjectId: `aad-${ville.id}` }, recipient: { id: 'bot' }, conversation: { id: ville.conversationId, conversationType: 'personal' } });
    expect(forged.status).to.equal(400);
  });

  it('"My data" in Web Chat is a JSON attachment to download', async () => {
    const web = person('Wilma', 'en');
    const say = (text: string) => w.bot.turn(web, { type: 'message', text, channelId: 'webchat' });
    await w.bot.turn(web, { type: 'message', value: { action: 'onboard' }, channelId: 'webchat' });
    await say('English');
    await say('Yes');
    await say('Wilma');
    const answer = await w.bot.turn(web, { type: 'message', value: { action: 'checkins.export' }, channelId: 'webchat' });
    const [file] = answer[0]!.attachments;
    expect(file).to.include({ contentType: 'application/json', name: 'group-coach-my-data-2026-12-02.json' });
    const data = JSON.parse(Buffer.from(String(file.contentUrl).replace('data:application/json;base64,', ''), 'base64').toString('utf8'));
    expect(data.userId).to.equal(`webchat:aad-${web.id}`);
    expect(data.data.users.map((d: Doc) => d.type)).to.include('user');
  });

  it('"Delete my data" says what will go, then nothing in any container carries the person id', async () => {
    const asked = textOf(await w.bot.submit(ville, { action: 'privacy' }));
    expect(asked).to.contain(
      'Poistanko kaikki tietosi? Poistan: profiilisi ja kielesi, rajasi, paikkasi ryhmässä, ilmoittautumiset ja läsnäolot, check-init ja vahvuudet, odottavat ja lähetetyt muistutukset, keskustelumme tilan ja tiedon, mistä tavoitan sinut. Ohjaajasi näkee vain, että joku jäsen lähti. Tätä ei voi perua.',
    );
    expect(asked).to.contain('Lataa tietoni');
    expect(textOf(await w.bot.say(ville, 'Kyllä'))).to.equal('Valmis. Poistin kaikki tietosi. Olet tervetullut takaisin milloin vain.');

    const left = (await scan()).filter(({ doc }) => carries(doc, ville));
    expect(left.map(({ container, doc }) => `${container}:${doc.id}`)).to.deep.equal([]);
    // Others keep theirs.
    expect((await scan()).some(({ doc }) => carries(doc, w.aino))).to.equal(true);
  });

  it("the leader's roster shows that a member left, without who", async () => {
    const roster = textOf(await w.bot.submit(w.leader, { action: 'myGroups' }));
    expect(roster).to.contain('Jäsen lähti ryhmästä 2. joulukuuta 2026.');
    expect(roster).to.not.contain('Ville');
  });

  it('the erased person is a stranger again: the next message stores only what any first turn does', async () => {
    await w.bot.say(ville, 'moi');
    const docs = (await scan()).filter(({ doc }) => carries(doc, ville)).map(kindOf);
    // Where to answer them (captured on every first message) and an empty dialog stack; no profile, nothing else.
    expect(docs.filter((k) => k !== 'users:conversationRef' && k !== 'botstate:dialogState')).to.deep.equal([]);
    expect(docs).to.include('users:conversationRef');
  });
});
