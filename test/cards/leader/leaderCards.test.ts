import { expect } from 'chai';
import { alertCard, alertRenderer, glanceCard } from '../../../src/cards/leader';
import { alertFeedbackPayload } from '../../../src/cards/leader/payloads';
import type { Group } from '../../../src/domain/groups';
import type { Alert } from '../../../src/domain/leader';
import { translator } from '../../../src/i18n';

const group = { groupId: 'g1', name: 'Kuntosali' } as Group;
const alert: Alert = {
  id: 'alert:u2:2026-12-01',
  groupId: 'g1',
  userId: 'u2',
  leaderId: 'lead',
  day: '2026-12-01',
  reasons: [{ code: 'missed', missed: 2, of: 3 }, { code: 'reminders_unanswered', reminders: 1, meetings: 1 }, { code: 'no_rsvp', meetings: 2 }, { code: 'unreachable' }],
  createdAt: '2026-12-01T07:00:00.000Z',
};

type Card = { body: Array<{ text?: string }>; actions: Array<{ type: string; title: string; data?: object; card?: Card & { body: Array<{ label?: string }> } }> };
const texts = (card: object) => (card as Card).body.map((b) => b.text);
const buttons = (card: object) => (card as Card).actions.map((a) => a.title);

describe('leader cards in fi, sv and en (literal texts)', () => {
  it('words an alert with its reasons, a first sentence and three answers', () => {
    expect(texts(alertCard(translator('fi'), { group, alert, name: 'Ben' }))).to.deep.equal([
      'Ben voisi kaivata yhteydenottoasi',
      'Ryhmä: Kuntosali',
      'Oli poissa 2 kertaa 3 viime tapaamisesta; jätti muistutuksen vastaamatta; ei kertonut, tuleeko 2 tapaamiseen; botti ei tavoita häntä.',
      'Voisit aloittaa näin: ”Hei Ben, sinua on kaivattu tapaamisissa. Mitä kuuluu?”',
    ]);
    expect(texts(alertCard(translator('sv'), { group, alert, name: 'Ben' }))).to.deep.equal([
      'Ben kan behöva höra av dig',
      'Grupp: Kuntosali',
      'Var borta från 2 av de 3 senaste träffarna; lämnade en påminnelse obesvarad; svarade inte om hen kommer till 2 träffar; boten når inte hen.',
      'Du kan börja så här: ”Hej Ben, vi har saknat dig på träffarna. Hur mår du?”',
    ]);
    expect(texts(alertCard(translator('en'), { group, alert, name: 'Ben' }))).to.deep.equal([
      'Ben might need a word from you',
      'Group: Kuntosali',
      "Missed 2 of the last 3 meetings; left a reminder unanswered; didn't say whether they'd come to 2 meetings; the bot can't reach them.",
      'You could start with: “Hi Ben, we\'ve missed you at the meetings. How are you doing?”',
    ]);
    expect(buttons(alertCard(translator('fi'), { group, alert, name: 'Ben' }))).to.deep.equal(['Otan yhteyttä', 'Hoidettu jo', 'Ei hyödyllinen']);
    expect(buttons(alertCard(translator('sv'), { group, alert, name: 'Ben' }))).to.deep.equal(['Jag hör av mig', 'Redan ordnat', 'Inte till hjälp']);
    expect(buttons(alertCard(translator('en'), { group, alert, name: 'Ben' }))).to.deep.equal(["I'll reach out", 'Already handled', 'Not useful']);
  });

  it('words vote rounds let pass in every language', () => {
    const votes = { ...alert, reasons: [{ code: 'no_vote', rounds: 2, of: 3 }] } as Alert;
    const line = (locale: 'fi' | 'sv' | 'en') => texts(alertCard(translator(locale), { group, alert: votes, name: 'Ben' }))[2];
    expect([line('fi'), line('sv'), line('en')]).to.deep.equal([
      'Ei äänestänyt 2 kertaa 3 viime äänestyksestä.',
      'Röstade inte i 2 av 3 omröstningar.',
      "Didn't vote in 2 of 3 votes.",
    ]);
  });

  it('picks the first sentence after the strongest reason', () => {
    const quiet = { ...alert, reasons: [{ code: 'reminders_unanswered', reminders: 3, meetings: 2 }] } as Alert;
    const away = { ...alert, reasons: [{ code: 'unreachable' }] } as Alert;
    expect(texts(alertCard(translator('en'), { group, alert: quiet, name: 'Ben' })).slice(2)).to.deep.equal([
      'Left 3 reminders unanswered.',
      'You could start with: “Hi Ben, I haven\'t heard from you for a while. How are things?”',
    ]);
    expect(texts(alertCard(translator('fi'), { group, alert: away, name: 'Ben' }))[3]).to.equal('Voisit aloittaa näin: ”Hei Ben, botti ei tavoita sinua juuri nyt. Onko kaikki hyvin?”');
  });

  it('sends answers the router accepts, "not useful" with an optional word why', () => {
    const card = alertCard(translator('en'), { group, alert, name: 'Ben' }) as unknown as Card;
    const [reach, handled, notUseful] = card.actions;
    expect(alertFeedbackPayload.parse(reach!.data)).to.deep.equal({ action: 'leader.alertFeedback', groupId: 'g1', alertId: alert.id, answer: 'reach_out', why: '' });
    expect(alertFeedbackPayload.parse(handled!.data).answer).to.equal('handled');
    expect(notUseful!.type).to.equal('Action.ShowCard');
    expect(notUseful!.card!.body[0]).to.include({ type: 'Input.Text', id: 'why', label: 'Why? (optional)', maxLength: 300 });
    expect(alertFeedbackPayload.parse({ ...(notUseful!.card!.actions[0]!.data as object), why: 'I know already' }).why).to.equal('I know already');
    expect(alertFeedbackPayload.safeParse({ ...(reach!.data as object), why: 'x'.repeat(301) }).success).to.equal(false);
    expect(alertRenderer.render({ locale: 'sv', group, alert, name: 'Ben' }).text).to.equal('Ben kan behöva höra av dig');
  });

  it('shows the group at a glance: kind words per participant, no score', () => {
    const rows = [
      { userId: 'a', name: 'Anna', flagged: false, assessment: { userId: 'a', judged: true, points: 0, reasons: [] } },
      { userId: 'b', name: 'Ben', flagged: true, assessment: { userId: 'b', judged: true, points: 6, reasons: [{ code: 'missed', missed: 2, of: 3 }] } },
      { userId: 'c', name: 'Cai', flagged: false, assessment: { userId: 'c', judged: false, why: 'paused', points: 0, reasons: [] } },
      { userId: 'd', name: 'Dora', flagged: false, assessment: { userId: 'd', judged: false, why: 'new_member', points: 0, reasons: [] } },
    ] as const;
    const glance = (locale: 'fi' | 'sv' | 'en') => texts(glanceCard(translator(locale), group, rows as never));
    expect(glance('fi')).to.deep.equal([
      'Kuntosali yhdellä silmäyksellä',
      'Anna: kaikki hyvin',
      'Ben: oli poissa 2 kertaa 3 viime tapaamisesta (sait huomion)',
      'Cai: tauolla',
      'Dora: uusi, vielä liian aikaista sanoa',
      'Nämä ovat syitä jutella, eivät arvioita.',
    ]);
    expect(glance('sv')).to.deep.equal([
      'Kuntosali i korthet',
      'Anna: allt väl',
      'Ben: var borta från 2 av de 3 senaste träffarna (du har fått en varning)',
      'Cai: har paus',
      'Dora: ny, för tidigt att säga',
      'Det här är skäl att prata, inte omdömen.',
    ]);
    expect(glance('en')).to.deep.equal([
      'Kuntosali at a glance',
      'Anna: all well',
      'Ben: missed 2 of the last 3 meetings (you had an alert)',
      'Cai: on a pause',
      'Dora: new, too early to say',
      'These are prompts to talk, not verdicts.',
    ]);
    expect(JSON.stringify(glanceCard(translator('en'), group, rows as never))).to.not.contain('points').and.not.contain('"6"');
    expect(texts(glanceCard(translator('fi'), group, []))).to.deep.equal(['Kuntosali yhdellä silmäyksellä', 'Ryhmässä ei ole vielä osallistujia.', 'Nämä ovat syitä jutella, eivät arvioita.']);
  });
});
