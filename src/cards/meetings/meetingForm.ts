import { DateTime } from 'luxon';
import type { Locale } from '../../domain/shared/locale';
import type { Group } from '../../domain/groups';
import type { Session } from '../../domain/meetings/model';
import { formatDateTime, type Translate } from '../../i18n';
import { submit, submitWithoutInputs } from '../shared/actions';
import { type SessionFormPayload } from './payloads';
import { adaptiveCard, heading, problem } from '../shared/elements';

/** What the form's inputs hold: a session's current values, or what the leader typed before an error. */
export type SessionFormValues = Omit<SessionFormPayload, 'action'>;

export interface SessionFormOptions {
  /** Prefilled inputs; without them the form starts empty (with the default length). */
  values?: Partial<SessionFormValues>;
  /** Moving: the session whose time and place change. Its title is shown but cannot be edited here. */
  session?: Session;
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
  if (hours === 0) return t('sessionForm.minutes', { count: rest });
  if (rest === 0) return t('sessionForm.hours', { count: hours });
  return t('sessionForm.hoursMinutes', { hours, minutes: rest });
}

/** A session as the form shows it: local date and time in the group's zone, length in minutes. */
export function sessionFormValues(session: Session, zone: string): SessionFormValues {
  const start = DateTime.fromISO(session.startsAt, { zone });
  const minutes = Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000);
  return { title: session.title, date: start.toFormat('yyyy-MM-dd'), time: start.toFormat('HH:mm'), duration: String(minutes), place: session.place };
}

export const formValues = ({ action: _action, ...values }: SessionFormPayload): SessionFormValues => values;

/** The form's answer in the services' terms: a local wall-clock start in the group's zone and a length. */
export function sessionInput(values: SessionFormValues) {
  // A blank or garbled length becomes 0 or NaN, which the service rejects as INVALID_INPUT.
  return { title: values.title, start: `${values.date}T${values.time}`, durationMinutes: Number(values.duration), place: values.place };
}

/** What a sentence about a session needs of it. */
export type SessionNaming = Pick<Session, 'title' | 'startsAt' | 'place'>;

/**
 * One sentence about a session (`key` gets title, date and place); a key with a `_place` variant
 * uses it only when the session has a place.
 */
export function sessionText(t: Translate, locale: Locale, key: string, session: SessionNaming, zone: string): string {
  return t(key, {
    title: session.title,
    date: formatDateTime(session.startsAt, locale, zone),
    place: session.place,
    ...(session.place ? { context: 'place' } : {}),
  });
}

/** Schedule or move a session: every input labelled for screen readers, times in the group's zone. */
export function sessionFormCard(t: Translate, locale: Locale, group: Group, options: SessionFormOptions = {}) {
  const { session, error } = options;
  const values = { ...(session ? sessionFormValues(session, group.timeZone) : {}), ...options.values };
  const duration = Number(values.duration) || defaultDuration;
  const lengths = [...new Set([...durationChoices, duration])].sort((a, b) => a - b);
  const today = options.now ? DateTime.fromJSDate(options.now).setZone(group.timeZone).toFormat('yyyy-MM-dd') : undefined;
  return adaptiveCard(
    [
      ...problem(error),
      heading(t(session ? 'sessionForm.moveHeading' : 'sessionForm.newHeading', { group: group.name })),
      ...(session
        ? [
            { type: 'TextBlock', text: session.title, weight: 'Bolder', wrap: true },
            { type: 'TextBlock', text: t('sessionForm.now', { date: formatDateTime(session.startsAt, locale, group.timeZone) }), wrap: true },
          ]
        : [
            {
              type: 'Input.Text',
              id: 'title',
              label: t('sessionForm.title'),
              placeholder: t('sessionForm.titlePlaceholder'),
              value: values.title ?? '',
              maxLength: 100,
              isRequired: true,
              errorMessage: t('sessionForm.titleError'),
            },
          ]),
      {
        type: 'Input.Date',
        id: 'date',
        label: t('sessionForm.date'),
        value: values.date ?? '',
        ...(today ? { min: today } : {}),
        isRequired: true,
        errorMessage: t('sessionForm.dateError'),
      },
      {
        type: 'Input.Time',
        id: 'time',
        label: t('sessionForm.time'),
        value: values.time ?? '',
        isRequired: true,
        errorMessage: t('sessionForm.timeError'),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'duration',
        style: 'compact',
        label: t('sessionForm.duration'),
        value: String(duration),
        choices: lengths.map((m) => ({ title: durationLabel(t, m), value: String(m) })),
        isRequired: true,
        errorMessage: t('sessionForm.durationError'),
      },
      {
        type: 'Input.Text',
        id: 'place',
        label: t('sessionForm.place'),
        placeholder: t('sessionForm.placePlaceholder'),
        value: values.place ?? '',
        maxLength: 200,
        errorMessage: t('sessionForm.placeError'),
      },
      { type: 'TextBlock', text: t('sessionForm.zone', { zone: group.timeZone }), isSubtle: true, size: 'Small', wrap: true },
    ],
    [
      { ...submit(t('sessionForm.save'), { action: 'session.save' }), style: 'positive' },
      // Cancel must work with a half-filled form, so it neither validates nor sends the inputs.
      submitWithoutInputs(t('sessionForm.cancel'), { action: 'form.cancel' }),
    ],
  );
}
