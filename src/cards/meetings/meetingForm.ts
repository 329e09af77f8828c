import { DateTime } from 'luxon';
import type { Locale } from '../../domain/shared/locale';
import type { Group } from '../../domain/groups';
import type { Meeting } from '../../domain/meetings/model';
import { formatDateTime, formatDayInWords, formatTime, type Translate } from '../../i18n';
import { submit, submitWithoutInputs } from '../shared/actions';
import { type MeetingFormPayload } from './payloads';
import { adaptiveCard, heading, problem } from '../shared/elements';

/** What the form's inputs hold: a meeting's current values, or what the leader typed before an error. */
export type MeetingFormValues = Omit<MeetingFormPayload, 'action'>;

export interface MeetingFormOptions {
  /** Prefilled inputs; without them the form starts empty (with the default length). */
  values?: Partial<MeetingFormValues>;
  /** Moving: the meeting whose time and place change. Its title is shown but cannot be edited here. */
  meeting?: Meeting;
  /** Now, for the earliest date the date picker offers (today in the group's zone). */
  now?: Date;
  /** Why the form came back, shown at the top. */
  error?: string;
}

export const durationChoices = [30, 60, 90, 120, 180, 240] as const;
const defaultDuration = 120;

/** "30 min", "1 hour", "1 h 30 min" in the viewer's language. */
export function durationLabel(t: Translate, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('meetingForm.minutes', { count: rest });
  if (rest === 0) return t('meetingForm.hours', { count: hours });
  return t('meetingForm.hoursMinutes', { hours, minutes: rest });
}

/** A meeting as the form shows it: local date and time in the group's zone, length in minutes. */
export function meetingFormValues(meeting: Meeting, zone: string): MeetingFormValues {
  const start = DateTime.fromISO(meeting.startsAt, { zone });
  const minutes = Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000);
  return { title: meeting.title, date: start.toFormat('yyyy-MM-dd'), time: start.toFormat('HH:mm'), duration: String(minutes), place: meeting.place };
}

export const formValues = ({ action: _action, ...values }: MeetingFormPayload): MeetingFormValues => values;

/** The form's answer in the services' terms: a local wall-clock start in the group's zone and a length. */
export function meetingInput(values: MeetingFormValues) {
  // A blank or garbled length becomes 0 or NaN, which the service rejects as INVALID_INPUT.
  return { title: values.title, start: `${values.date}T${values.time}`, durationMinutes: Number(values.duration), place: values.place };
}

/** What a sentence about a meeting needs of it. */
export type MeetingNaming = Pick<Meeting, 'title' | 'startsAt' | 'place'>;

/**
 * One sentence about a meeting (`key` gets title, date and place); a key with a `_place` variant
 * uses it only when the meeting has a place.
 */
export function meetingText(t: Translate, locale: Locale, key: string, meeting: MeetingNaming, zone: string, extra: { count?: number } = {}): string {
  // In words, whatever the date picker showed (mm/dd on an English phone): the leader sees what was understood.
  const date = t('meetingForm.inWords', { day: formatDayInWords(meeting.startsAt, locale, zone), time: formatTime(meeting.startsAt, locale, zone) });
  return t(key, {
    ...extra,
    title: meeting.title,
    date,
    place: meeting.place,
    ...(meeting.place ? { context: 'place' } : {}),
  });
}

/** Schedule or move a meeting: every input labelled for screen readers, times in the group's zone. */
export function meetingFormCard(t: Translate, locale: Locale, group: Group, options: MeetingFormOptions = {}) {
  const { meeting, error } = options;
  const values = { ...(meeting ? meetingFormValues(meeting, group.timeZone) : {}), ...options.values };
  const duration = Number(values.duration) || defaultDuration;
  const lengths = [...new Set([...durationChoices, duration])].sort((a, b) => a - b);
  const today = options.now ? DateTime.fromJSDate(options.now).setZone(group.timeZone).toFormat('yyyy-MM-dd') : undefined;
  return adaptiveCard(
    [
      ...problem(error),
      heading(t(meeting ? 'meetingForm.moveHeading' : 'meetingForm.newHeading', { group: group.name })),
      ...(meeting
        ? [
            { type: 'TextBlock', text: meeting.title, weight: 'Bolder', wrap: true },
            { type: 'TextBlock', text: t('meetingForm.now', { date: formatDateTime(meeting.startsAt, locale, group.timeZone) }), wrap: true },
          ]
        : [
            {
              type: 'Input.Text',
              id: 'title',
              label: t('meetingForm.title'),
              placeholder: t('meetingForm.titlePlaceholder'),
              value: values.title ?? '',
              maxLength: 100,
              isRequired: true,
              errorMessage: t('meetingForm.titleError'),
            },
          ]),
      {
        type: 'Input.Date',
        id: 'date',
        label: t('meetingForm.date'),
        value: values.date ?? '',
        ...(today ? { min: today } : {}),
        isRequired: true,
        errorMessage: t('meetingForm.dateError'),
      },
      {
        type: 'Input.Time',
        id: 'time',
        label: t('meetingForm.time'),
        value: values.time ?? '',
        isRequired: true,
        errorMessage: t('meetingForm.timeError'),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'duration',
        style: 'compact',
        label: t('meetingForm.duration'),
        value: String(duration),
        choices: lengths.map((m) => ({ title: durationLabel(t, m), value: String(m) })),
        isRequired: true,
        errorMessage: t('meetingForm.durationError'),
      },
      {
        type: 'Input.Text',
        id: 'place',
        label: t('meetingForm.place'),
        placeholder: t('meetingForm.placePlaceholder'),
        value: values.place ?? '',
        maxLength: 200,
        errorMessage: t('meetingForm.placeError'),
      },
      { type: 'TextBlock', text: t('meetingForm.zone', { zone: group.timeZone }), isSubtle: true, size: 'Small', wrap: true },
    ],
    [
      { ...submit(t('meetingForm.save'), { action: 'meeting.save' }), style: 'positive' },
      // Cancel must work with a half-filled form, so it neither validates nor sends the inputs.
      submitWithoutInputs(t('meetingForm.cancel'), { action: 'form.cancel' }),
    ],
  );
}
