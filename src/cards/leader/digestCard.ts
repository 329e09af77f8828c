import { calendarDayText, pngDataUri, shortDay } from '../checkins';
import { formatDateTime, translator, type Translate } from '../../i18n';
import type { Locale } from '../../domain/shared/locale';
import type { DigestMessageRequest, DigestRenderer, GroupDigest } from '../../services/leader';
import type { OutboundMessage } from '../../services/shared/ports';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { renderEngagementChart } from './digestChart';
import { reasonsList } from './leaderCards';

interface Words {
  t: Translate;
  locale: Locale;
  zone: string;
}

const names = (list: readonly string[]) => list.join(', ');
const section = (title: string) => textBlock(title, { weight: 'Bolder', spacing: 'Medium' });
/** Lines that exist: an empty list of names is no line at all (no "Absent: " with nobody). */
const lines = (t: Translate, pairs: Array<[string, readonly string[]]>) => pairs.filter(([, list]) => list.length > 0).map(([key, list]) => t(key, { names: names(list) }));
const block = (texts: string[]) => (texts.length > 0 ? [textBlock(texts.join('\n\n'))] : []);

function meetingsPart({ t, locale, zone }: Words, d: GroupDigest): object[] {
  if (d.upcoming.length === 0) return [];
  return [
    section(t('digest.upcoming')),
    ...d.upcoming.flatMap((u) => [
      textBlock(t('digest.meeting', { when: formatDateTime(u.meeting.startsAt, locale, zone), title: u.meeting.title }), { spacing: 'Small' }),
      ...block(lines(t, [['digest.rsvpYes', u.yes], ['digest.rsvpMaybe', u.maybe], ['digest.rsvpNo', u.no], ['digest.rsvpNone', u.unanswered]])).map((b) => ({ ...b, isSubtle: true, spacing: 'None' })),
    ]),
  ];
}

function votePart({ t, locale, zone }: Words, d: GroupDigest): object[] {
  if (!d.openRound) return [];
  const who = d.openRound.notVoted.length > 0 ? t('digest.notVoted', { names: names(d.openRound.notVoted) }) : t('digest.allVoted');
  return [section(t('digest.vote', { deadline: formatDateTime(d.openRound.deadline, locale, zone) })), textBlock(who, { spacing: 'Small' })];
}

function lastMeetingPart({ t, locale, zone }: Words, d: GroupDigest): object[] {
  const last = d.lastMeeting;
  if (!last) return [];
  return [
    section(t('digest.lastMeeting', { when: formatDateTime(last.meeting.startsAt, locale, zone), title: last.meeting.title })),
    ...block(lines(t, [['digest.present', last.present], ['digest.absent', last.absent], ['digest.unmarked', last.unmarked]])),
  ];
}

function checkInsPart({ t, locale, zone }: Words, d: GroupDigest): object[] {
  const none = t('checkins.leader.none');
  const counts = d.checkIns.map((c) => t('checkins.leader.member', { name: c.name, count: c.count }));
  const shared = d.checkIns.flatMap((c) =>
    c.shared.map((e) =>
      t('digest.sharedBy', {
        name: c.name,
        entry: t('checkins.leader.shared', {
          date: shortDay(e.createdAt, locale, zone),
          mood: e.mood ? t(`checkins.moodWord.${e.mood}`) : none,
          did: e.did ?? '',
          strengths: [...e.strengths.map((s) => t(`checkins.strengthLabels.${s}`)), ...(e.strengthsOther ? [e.strengthsOther] : [])].join(', ') || none,
          step: e.nextStep?.text ?? none,
        }),
      }),
    ),
  );
  return [section(t('digest.checkIns')), textBlock(counts.length > 0 ? counts.join('\n\n') : t('digest.noCheckIns'), { spacing: 'Small' }), ...block(shared)];
}

function stepsPart({ t, locale }: Words, d: GroupDigest): object[] {
  if (d.nextSteps.length === 0) return [];
  const text = d.nextSteps.map((s) => {
    const v = { name: s.name, step: s.text };
    if (s.outcome === 'done') return t('digest.stepDone', v);
    if (s.outcome === 'notYet') return t('digest.stepNotYet', v);
    if (s.outcome === 'skipped') return t('digest.stepSkipped', v);
    return s.date ? t('digest.stepDated', { ...v, date: calendarDayText(s.date, locale) }) : t('digest.step', v);
  });
  return [section(t('digest.nextSteps')), ...block(text)];
}

function peoplePart({ t }: Words, d: GroupDigest): object[] {
  const unreachable = d.unreachable.map((u) => t(u.why === 'removed' ? 'digest.removed' : 'digest.neverOpened', { name: u.name }));
  const alerts = d.alerts.map((a) => t('digest.alert', { name: a.name, reasons: reasonsList(t, a.reasons) }));
  return [...(unreachable.length > 0 ? [section(t('digest.unreachable')), ...block(unreachable)] : []), ...(alerts.length > 0 ? [section(t('digest.alerts')), ...block(alerts)] : [])];
}

/** The numbers of the picture in words, for screen readers and clients that draw no images. */
export function engagementWords({ t, locale, zone }: Words, d: GroupDigest): string {
  const weeks = d.engagement.weekStarts;
  const rows = d.engagement.rows.map((r) => t('digest.engagementRow', { name: r.name, counts: r.counts.join(', ') })).join('; ');
  return t('digest.engagementWords', { from: shortDay(`${weeks[0]}T12:00:00Z`, locale, zone), to: shortDay(`${weeks[weeks.length - 1]}T12:00:00Z`, locale, zone), rows });
}

async function engagementPart(w: Words, d: GroupDigest): Promise<object[]> {
  if (d.engagement.rows.length === 0) return [];
  const labels = d.engagement.weekStarts.map((s) => shortDay(`${s}T12:00:00Z`, w.locale, w.zone));
  const chart = await renderEngagementChart(d.engagement.rows, labels);
  const words = engagementWords(w, d);
  return [
    section(w.t('digest.engagement')),
    { type: 'Image', url: pngDataUri(chart.png), altText: words, width: `${chart.width}px` },
    textBlock(words, { isSubtle: true, size: 'Small' }),
  ];
}

/** One group's digest card: what is coming, what happened since `since`, who may need a word; a picture of the weeks. */
export async function groupDigestCard(w: Words, d: GroupDigest, since: string) {
  const { t } = w;
  return adaptiveCard(
    [
      heading(t('digest.title', { group: d.group.name })),
      textBlock(t('digest.since', { since: formatDateTime(since, w.locale, w.zone) }), { isSubtle: true, spacing: 'None' }),
      ...meetingsPart(w, d),
      ...votePart(w, d),
      ...lastMeetingPart(w, d),
      ...checkInsPart(w, d),
      ...stepsPart(w, d),
      ...peoplePart(w, d),
      ...(await engagementPart(w, d)),
    ],
    [submit(t('digest.settingsButton'), { action: 'leader.digestSettings' })],
    { speak: t('digest.title', { group: d.group.name }) },
  );
}

/** The digest as one message: a card per group with news; none with news → one line of text. */
export const digestRenderer: DigestRenderer = {
  async render(r: DigestMessageRequest): Promise<OutboundMessage> {
    const w = { t: translator(r.locale), locale: r.locale, zone: r.zone };
    const withNews = r.groups.filter((g) => g.news);
    if (withNews.length === 0) return { text: w.t('digest.nothingNew', { since: formatDateTime(r.since, r.locale, r.zone) }) };
    return { text: w.t('digest.intro', { count: withNews.length }), cards: await Promise.all(withNews.map((g) => groupDigestCard(w, g, r.since))) };
  },
};
