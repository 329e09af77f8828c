import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CosmosStore } from '../../../src/store/shared/cosmosClient';
import { CosmosCheckInRepository } from '../../../src/store/checkins';
import { CosmosLeaderRepository } from '../../../src/store/leader';
import { ManualClock } from '../../scheduler/support';
import { BotHarness, person, submitActions, textOf, type Person } from '../../support/botHarness';
import { freshStore } from '../../support/cosmos';
import { groupOverHttp, webChat } from '../activities/support';

const userIdOf = (p: Person) => `msteams:aad-${p.id}`;
const consentsIn = (activities: Record<string, any>[]) =>
  activities.flatMap((a) => (a.attachments ?? []) as Array<Record<string, any>>).filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');

/** A stand-in for the leader's OneDrive upload session: the one host the test stubs (it leaves the machine in production). */
async function oneDrive(): Promise<{ server: Server; url: (path: string) => string; uploads: Array<{ path: string; range?: string; body: Buffer }> }> {
  const uploads: Array<{ path: string; range?: string; body: Buffer }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      uploads.push({ path: req.url ?? '', range: req.headers['content-range'], body: Buffer.concat(chunks) });
      res.statusCode = 201;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, uploads, url: (path) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}` };
}

/**
 * The report's files in Teams (file consent card → accept/decline → PUT → file info card) and in Web
 * Chat (data: attachments); former members, check-ins and alerts in it; the service-wide report for
 * REPORT_READERS only. Over the Bot Framework protocol, two app instances on one store.
 */
describe('HTTP: the programme report — files through Teams consent, leavers, check-ins, alerts, readers', function () {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  const leader = person('Leena', 'fi');
  const other = person('Olavi', 'fi');
  const reader = person('Riikka', 'fi');
  const [aino, siri, pekka, kalle, veera] = [person('Aino', 'fi'), person('Siri', 'sv'), person('Pekka', 'en'), person('Kalle', 'fi'), person('Veera', 'fi')];
  const env = { REPORT_READERS: `aad-${reader.id}` };
  let store: CosmosStore;
  let first: BotHarness;
  let groupId = '';
  let drive: Awaited<ReturnType<typeof oneDrive>>;
  const pendingFiles = async () =>
    (await store.containers.users.items.query({ query: "SELECT * FROM c WHERE c.type = 'outcomePendingFile' ORDER BY c.name" }).fetchAll()).resources as Array<Record<string, any>>;

  before(async () => {
    store = await freshStore('report-files');
    first = await new BotHarness().start(env, { store, clock });
    groupId = await groupOverHttp(first, leader, [aino, siri, pekka, kalle], 'Kuntosali');
    await groupOverHttp(first, other, [veera], 'Toinen');
    drive = await oneDrive();
  });
  after(async () => {
    drive.server.close();
    await first.stop();
    await store.close();
  });

  it('keeps a participant who left in the ledger and the report, with their outcomes, check-ins and alerts', async () => {
    const ledger = await first.say(leader, 'tulokset');
    const record = submitActions(ledger).find((a) => a.data.action === 'outcomes.record' && a.data.userId === userIdOf(kalle))!.data;
    const form = await first.submit(leader, record);
    const save = submitActions(form).find((a) => a.data.action === 'outcomes.record.save')!.data;
    await first.submit(leader, { ...save, kind: 'dropped', date: '2026-03-01', reason: 'health' });
    await first.submit(kalle, { action: 'leave' });
    expect(textOf(await first.say(kalle, 'Kyllä'))).to.contain('Kuntosali');
    const checkIns = new CosmosCheckInRepository(store.containers, 30);
    for (const id of ['c1', 'c2', 'c3']) await checkIns.put({ id, userId: userIdOf(aino), groupId, did: 'Kävin haastattelussa', strengths: [], shared: false, createdAt: '2026-03-01T10:00:00.000Z' });
    const leaderRepo = new CosmosLeaderRepository(store.containers);
    await leaderRepo.createAlert({ type: 'leaderAlert', id: `alert:${userIdOf(kalle)}:2026-02-20`, groupId, userId: userIdOf(kalle), leaderId: userIdOf(leader), day: '2026-02-20', reasons: [{ code: 'unreachable' }], createdAt: '2026-02-20T07:00:00.000Z' });
    await leaderRepo.createAlert({ type: 'leaderAlert', id: `alert:${userIdOf(aino)}:2026-02-21`, groupId, userId: userIdOf(aino), leaderId: userIdOf(leader), day: '2026-02-21', reasons: [{ code: 'unreachable' }], createdAt: '2026-02-21T07:00:00.000Z', feedback: { answer: 'reach_out', at: '2026-02-21T08:00:00.000Z' } });

    expect(textOf(await first.say(leader, 'tulokset'))).to.contain('Kalle (lähti ryhmästä)').and.contain('Keskeytti 1.3.2026 (terveys)');
    const report = textOf(await first.say(leader, 'raportti'));
    expect(report).to.contain('Osallistujia: 4.').and.contain('Keskeyttäneitä: 1.').and.contain('Lähti ryhmästä kesken: 1. He ovat mukana luvuissa tuloksineen.');
    expect(report).to.contain('Check-inejä: 3, keskimäärin 0,8 osallistujaa kohden.');
    expect(report).to.contain('Vinkkejä ohjaajalle: 2. Otan yhteyttä: 1, hoidettu jo: 0, ei hyödyllinen: 0, vastaamatta: 1.');
    expect(report).to.not.contain('Kävin haastattelussa').and.not.contain('Kalle');
  });

  it('offers the two CSV files in Teams through consent cards, stores them, and uploads the exact bytes after a restart', async () => {
    const answer = await first.say(leader, 'raportti');
    const consents = consentsIn(answer);
    expect(answer.at(-1)!.text).to.equal('Teamsissa tiedosto tallentuu OneDriveesi, kun hyväksyt sen. Hyväksy kumpikin tiedosto erikseen.');
    expect(consents.map((c) => c.name)).to.deep.equal(['outcomes-participants.csv', 'outcomes-summary.csv']);
    expect(consents[0]!.content.description).to.equal('Raportti: rivi per osallistuja, tunnisteet nimien sijaan (CSV, erotin ;).');
    expect(consents[1]!.content.description).to.equal('Raportin yhteenveto: rivi per ryhmä (CSV, erotin ;).');
    expect(consents[0]!.content.acceptContext).to.deep.equal(consents[0]!.content.declineContext);
    expect(consents[0]!.content.acceptContext.kind).to.equal('outcomesReport');
    expect(JSON.stringify(answer)).to.not.contain('data:text/csv');
    const ids = consents.map((c) => c.content.acceptContext.fileId as string);
    const ours = async () => (await pendingFiles()).filter((f) => ids.includes(f.fileId));
    const stored = await ours();
    expect(stored.map((f) => [f.name, f.userId, f.ttl])).to.deep.equal([
      ['outcomes-participants.csv', userIdOf(leader), 86400],
      ['outcomes-summary.csv', userIdOf(leader), 86400],
    ]);
    for (const name of ['Aino', 'Siri', 'Pekka', 'Kalle', 'Leena', 'aad-']) expect(JSON.stringify(stored.map((f) => f.content))).to.not.contain(name);

    // The first instance stops; another one on the same store takes the answer.
    await first.stop();
    first = await new BotHarness().start(env, { store, clock });
    const [participants] = consents;
    const uploadInfo = { uploadUrl: drive.url('/upload/participants'), contentUrl: 'https://contoso-my.sharepoint.com/personal/leena/Documents/outcomes-participants.csv', name: participants!.name, uniqueId: 'u-1', fileType: 'csv' };
    const accepted = await first.turn(leader, { type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'accept', context: participants!.content.acceptContext, uploadInfo } });
    expect(drive.uploads).to.have.length(1);
    const { body, range } = drive.uploads[0]!;
    expect(range).to.equal(`bytes 0-${body.length - 1}/${body.length}`);
    expect(body.subarray(0, 3).toString('hex')).to.equal('efbbbf');
    const text = body.toString('utf8');
    expect(text.split('\r\n')[0]).to.equal('\uFEFFgroup;participant;latest;left_group;employed;employed_4m_confirmed;work_tryout;studies;dropped_out;meetings_present;meetings_marked;checkins;alerts;alerts_reach_out;alerts_handled;alerts_not_useful;alerts_unanswered');
    const rows: string[][] = parse(text, { delimiter: ';', bom: true });
    expect(rows).to.have.length(5);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[11], r[12], r[13], r[16]]).sort()).to.deep.equal([
      ['Kuntosali', 'dropped', '1', '0', '1', '0', '1'],
      ['Kuntosali', 'none', '0', '0', '0', '0', '0'],
      ['Kuntosali', 'none', '0', '0', '0', '0', '0'],
      ['Kuntosali', 'none', '0', '3', '1', '1', '0'],
    ]);
    for (const name of ['Aino', 'Siri', 'Pekka', 'Kalle', 'Leena', 'aad-']) expect(text).to.not.contain(name);
    const shown = accepted.find((a) => a.type === 'message')!;
    expect(shown.text).to.equal('Tallensin tiedoston OneDriveesi.');
    expect(shown.attachments[0]).to.deep.include({ contentType: 'application/vnd.microsoft.teams.card.file.info', contentUrl: uploadInfo.contentUrl, name: 'outcomes-participants.csv' });
    expect((await ours()).map((f) => f.name)).to.deep.equal(['outcomes-summary.csv']);

    // The same answer again (a stale card) and the other leader's forged one: nothing uploaded, a 404 and a sentence.
    const again = { type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'accept', context: participants!.content.acceptContext, uploadInfo } };
    const base = (p: Person) => ({ channelId: 'msteams', serviceUrl: first.connector.url, from: { id: p.id, aadObjectId: `aad-${p.id}` }, recipient: { id: 'bot' }, conversation: { id: p.conversationId, conversationType: 'personal' }, locale: p.locale });
    const before = first.connector.received.length;
    expect((await first.post({ ...again, ...base(leader) })).status).to.equal(404);
    const forged = { ...again, value: { ...again.value, context: consents[1]!.content.acceptContext } };
    expect((await first.post({ ...forged, ...base(other) })).status).to.equal(404);
    expect(first.connector.received.slice(before).map((r) => r.body.text)).to.deep.equal([
      'Tätä tiedostoa ei ole enää tallessa. Pyydä raportti uudelleen: kirjoita "raportti".',
      'Tätä tiedostoa ei ole enää tallessa. Pyydä raportti uudelleen: kirjoita "raportti".',
    ]);
    expect((await first.post({ ...base(leader), type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'accept', context: { kind: 'outcomesReport', fileId: '../x' } } })).status).to.equal(400);
    expect(drive.uploads).to.have.length(1);
    expect((await ours()).map((f) => f.name)).to.deep.equal(['outcomes-summary.csv']);

    // The summary declined: a kind word, and the file is no longer kept.
    const declined = await first.turn(leader, { type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'decline', context: consents[1]!.content.declineContext } });
    expect(textOf(declined)).to.equal('Selvä, en lähettänyt tiedostoa. Saat sen myöhemmin kirjoittamalla "raportti".');
    expect(await ours()).to.deep.equal([]);
    expect(drive.uploads).to.have.length(1);
  });

  it('words the consent, the failed upload and the decline in Swedish and English', async () => {
    const expected = {
      sv: {
        word: 'rapport',
        consent: 'I Teams sparas filen i din OneDrive när du godkänner den. Godkänn varje fil för sig.',
        description: 'Rapporten: en rad per deltagare, koder i stället för namn (CSV, avgränsare ;).',
        failed: 'Jag kunde inte spara filen. Försök igen om en stund: skriv "rapport".',
        declined: 'Okej, jag skickade ingen fil. Du får den senare genom att skriva "rapport".',
      },
      en: {
        word: 'report',
        consent: 'In Teams the file is saved to your OneDrive when you accept it. Accept each file on its own.',
        description: "The report: one row per participant, codes instead of names (CSV, separator ';').",
        failed: 'I couldn\'t save the file. Please try again in a moment: type "report".',
        declined: 'Okay, I didn\'t send the file. You can get it later by typing "report".',
      },
    } as const;
    const refusing = createServer((_req, res) => {
      res.statusCode = 503;
      res.end();
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', () => r()));
    const refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/upload/x`;
    for (const [locale, words] of Object.entries(expected)) {
      const lead = person(locale === 'sv' ? 'Sven' : 'Emma', locale as 'sv' | 'en');
      await groupOverHttp(first, lead, [], locale === 'sv' ? 'Gruppen' : 'The group');
      const answer = await first.say(lead, words.word);
      expect(answer.at(-1)!.text).to.equal(words.consent);
      const [participants] = consentsIn(answer);
      expect(participants!.content.description).to.equal(words.description);
      const uploadInfo = { uploadUrl: refusingUrl, contentUrl: 'https://contoso-my.sharepoint.com/x.csv', name: participants!.name };
      const invoke = (action: string) => ({ type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action, context: participants!.content.acceptContext, uploadInfo } });
      expect(textOf(await first.turn(lead, invoke('accept')))).to.equal(words.failed);
      // Nothing lost: the file is still there for a second try (or for the decline).
      expect(textOf(await first.turn(lead, invoke('decline')))).to.equal(words.declined);
    }
    refusing.close();
  });

  it('refuses the service-wide report to others in their own language (sv, en)', async () => {
    expect(textOf(await first.say(siri, 'tjänsterapport'))).to.equal('Rapporten för hela tjänsten är bara för dess läsare. Rapporten för dina egna grupper får du genom att skriva "rapport".');
    expect(textOf(await first.say(pekka, 'service report'))).to.equal('The service-wide report is for its readers only. For your own groups\' report, type "report".');
  });

  it('sends the files as data: attachments in Web Chat', async () => {
    const web = webChat(first);
    const webLeader = person('Wanda', 'en');
    await groupOverHttp(web, webLeader, [], 'Online');
    const answer = await web.say(webLeader, 'report');
    expect(textOf(answer)).to.contain('Participants: 0.').and.contain("Here are the report files (UTF-8, ';' between fields).");
    const files = answer.flatMap((a) => (a.attachments ?? []) as Array<{ contentType: string; name?: string; contentUrl?: string }>).filter((a) => a.contentType === 'text/csv');
    expect(files.map((f) => f.name)).to.deep.equal(['outcomes-participants.csv', 'outcomes-summary.csv']);
    const summary = Buffer.from(files[1]!.contentUrl!.split(',')[1]!, 'base64');
    expect(summary.subarray(0, 3).toString('hex')).to.equal('efbbbf');
    expect(parse(summary.toString('utf8'), { delimiter: ';', bom: true })).to.deep.equal([
      ['group', 'participants', 'left_group', 'employed', 'employed_4m_confirmed', 'employed_unconfirmed', 'confirmed_share', 'work_tryouts', 'studies', 'dropouts', 'attendance_rate', 'checkins', 'checkins_per_participant', 'alerts', 'alerts_reach_out', 'alerts_handled', 'alerts_not_useful', 'alerts_unanswered'],
      ['Online', '0', '0', '0', '0', '0', '', '0', '0', '0', '', '0', '', '0', '0', '0', '0', '0'],
      ['All groups', '0', '0', '0', '0', '0', '', '0', '0', '0', '', '0', '', '0', '0', '0', '0', '0'],
    ]);
    expect(consentsIn(answer)).to.deep.equal([]);
  });

  it('gives the service-wide report to its readers only, in their menu only; a leader keeps seeing only their own groups', async () => {
    expect(submitActions(await first.say(leader, 'valikko')).map((a) => a.title)).to.not.include('Koko palvelun raportti');
    expect(textOf(await first.say(leader, 'palveluraportti'))).to.equal('Koko palvelun raportti on vain sen lukijoille. Omien ryhmiesi raportin saat kirjoittamalla "raportti".');
    expect(textOf(await first.say(other, 'raportti'))).to.contain('Osallistujia: 1.').and.not.contain('Osallistujia: 4.');
    await first.install(reader);
    expect(submitActions(await first.say(reader, 'valikko')).map((a) => a.title)).to.include('Koko palvelun raportti');
    const all = await first.say(reader, 'palveluraportti');
    const text = textOf(all);
    expect(text).to.contain('Koko palvelun raportti').and.contain('Osallistujia: 5.').and.contain('Kuntosali').and.contain('Toinen');
    expect(consentsIn(all).map((c) => c.name)).to.deep.equal(['outcomes-participants.csv', 'outcomes-summary.csv']);
    expect(text).to.not.contain('Veera').and.not.contain('Aino');
  });
});
