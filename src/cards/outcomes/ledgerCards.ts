import { dropReasons, outcomeKinds, type GroupDates, studyKinds, workHours, workTerms, type OutcomeEntry } from '../../domain/outcomes';
import type { Group } from '../../domain/groups';
import type { Locale } from '../../domain/shared/locale';
import type { Translate } from '../../i18n';
import type { OwnOutcomes, ParticipantOutcomes } from '../../services/outcomes';
import { submit, submitWithoutInputs } from '../shared/actions';
import { adaptiveCard, heading, problem, textBlock } from '../shared/elements';
import { dateText, entryText } from './words';

const standingText = (t: Translate, locale: Locale, standing: readonly OutcomeEntry[]) =>
  standing.length === 0 ? t('outcomes.nothingYet') : standing.map((e) => entryText(t, locale, e)).join('\n\n');

/** The leader's ledger of one group: each participant's standing outcomes, a follow-up when one is due, a button to record. */
export function ledgerCard(t: Translate, locale: Locale, group: Group, participants: readonly ParticipantOutcomes[], dates?: GroupDates) {
  const body: object[] = [heading(t('outcomes.ledgerTitle', { group: group.name }))];
  if (dates) body.push(textBlock(t('outcomes.dates.current', { start: dateText(dates.startDate, locale), end: dateText(dates.endDate, locale) }), { isSubtle: true }));
  if (participants.length === 0) body.push(textBlock(t('outcomes.noParticipants')));
  for (const p of participants) {
    const last = p.standing.at(-1);
    body.push(
      { ...textBlock(p.left ? `${p.displayName} ${t('outcomes.leftGroup')}` : p.displayName, { weight: 'Bolder' }), separator: true },
      textBlock(standingText(t, locale, p.standing)),
    );
    for (const due of p.followUpDue) {
      body.push(textBlock(t('outcomes.followUpQuestion', { entry: entryText(t, locale, due) })), {
        type: 'ActionSet',
        actions: [
          submit(t('outcomes.stillEmployed'), { action: 'outcomes.followUp', groupId: group.groupId, userId: p.userId, entryId: due.entryId, stillEmployed: true }),
          submit(t('outcomes.noLongerEmployed'), { action: 'outcomes.followUp', groupId: group.groupId, userId: p.userId, entryId: due.entryId, stillEmployed: false }),
        ],
      });
    }
    body.push({
      type: 'ActionSet',
      actions: [
        submit(t('outcomes.record'), { action: 'outcomes.record', groupId: group.groupId, userId: p.userId }),
        ...(last ? [submit(t('outcomes.correct'), { action: 'outcomes.record', groupId: group.groupId, userId: p.userId, supersedes: last.entryId })] : []),
      ],
    });
  }
  const datesForm = {
    type: 'Action.ShowCard',
    title: t('outcomes.dates.button'),
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Date', id: 'startDate', label: t('outcomes.dates.start'), isRequired: true, ...(dates ? { value: dates.startDate } : {}) },
        { type: 'Input.Date', id: 'endDate', label: t('outcomes.dates.end'), isRequired: true, ...(dates ? { value: dates.endDate } : {}) },
      ],
      actions: [submit(t('outcomes.dates.save'), { action: 'outcomes.dates.save', groupId: group.groupId })],
    },
  };
  return adaptiveCard(body, [submit(t('outcomes.reportButton'), { action: 'outcomes.report', groupId: group.groupId }), datesForm]);
}

const choice = (t: Translate, id: string, key: string, values: readonly string[], value?: string, optional = true) => ({
  type: 'Input.ChoiceSet',
  id,
  style: 'compact',
  label: t(`outcomes.form.${id}`),
  ...(value ? { value } : {}),
  choices: [...(optional ? [{ title: t('outcomes.form.none'), value: '' }] : []), ...values.map((v) => ({ title: t(`outcomes.${key}.${v}`), value: v }))],
});

export interface RecordFormInput {
  group: Group;
  userId: string;
  displayName: string;
  requestId: string;
  today: string;
  supersedes?: OutcomeEntry;
  error?: string;
}

/** One form for every kind; the leader fills in what the kind needs (the form says which). */
export function recordFormCard(t: Translate, locale: Locale, input: RecordFormInput) {
  const old = input.supersedes;
  return adaptiveCard(
    [
      heading(t(old ? 'outcomes.form.correctTitle' : 'outcomes.form.title', { name: input.displayName })),
      ...problem(input.error),
      ...(old ? [textBlock(t('outcomes.form.correcting', { entry: entryText(t, locale, old) }))] : []),
      choice(t, 'kind', 'kind', outcomeKinds, old?.kind ?? 'employed', false),
      { type: 'Input.Date', id: 'date', label: t('outcomes.form.date'), value: old?.date ?? input.today, isRequired: true },
      textBlock(t('outcomes.form.detailsHint'), { isSubtle: true }),
      choice(t, 'hours', 'hours', workHours, old?.hours),
      choice(t, 'term', 'term', workTerms, old?.term),
      { type: 'Input.Date', id: 'endDate', label: t('outcomes.form.endDate'), ...(old?.endDate ? { value: old.endDate } : {}) },
      choice(t, 'studyKind', 'studyKind', studyKinds, old?.studyKind),
      choice(t, 'reason', 'reason', dropReasons, old?.reason),
    ],
    [
      submit(t('outcomes.form.save'), {
        action: 'outcomes.record.save',
        groupId: input.group.groupId,
        userId: input.userId,
        requestId: input.requestId,
        ...(old ? { supersedes: old.entryId } : {}),
      }),
      submitWithoutInputs(t('outcomes.form.cancel'), { action: 'outcomes.home', groupId: input.group.groupId }),
    ],
  );
}

/** A participant's own outcomes, with a place for their own note. */
export function ownOutcomesCard(t: Translate, locale: Locale, own: OwnOutcomes, requestId: string) {
  const lines = own.standing.map((e) => entryText(t, locale, e) + (own.confirmedIds.includes(e.entryId) ? ` — ${t('outcomes.confirmed')}` : ''));
  return adaptiveCard(
    [
      heading(t('outcomes.ownTitle')),
      textBlock(lines.length > 0 ? lines.join('\n\n') : t('outcomes.ownNothingYet')),
      ...own.notes.map((n) => textBlock(t('outcomes.yourNote', { text: n.text }), { isSubtle: true })),
      textBlock(t('outcomes.ownPrivacy'), { isSubtle: true }),
      { type: 'Input.Text', id: 'note', label: t('outcomes.noteLabel'), isMultiline: true, maxLength: 500 },
    ],
    [submit(t('outcomes.noteSave'), { action: 'outcomes.note.save', groupId: own.group.groupId, requestId })],
  );
}
