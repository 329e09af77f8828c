import type { DigestSettings } from '../../domain/leader';
import type { Translate } from '../../i18n';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, problem, textBlock } from '../shared/elements';

/** When the digest comes: daily or weekly (which day), the time of day, and the day before each meeting. */
export function digestSettingsCard(t: Translate, s: DigestSettings, zone: string, error?: string) {
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ title: t(`digest.weekdays.${d}`), value: String(d) }));
  return adaptiveCard(
    [
      heading(t('digest.settings.title')),
      textBlock(t('digest.settings.intro', { zone }), { isSubtle: true, spacing: 'None' }),
      ...problem(error),
      {
        type: 'Input.ChoiceSet',
        id: 'cadence',
        label: t('digest.settings.cadence'),
        style: 'expanded',
        value: s.cadence,
        choices: [
          { title: t('digest.settings.weekly'), value: 'weekly' },
          { title: t('digest.settings.daily'), value: 'daily' },
        ],
      },
      { type: 'Input.ChoiceSet', id: 'weekday', label: t('digest.settings.weekday'), value: String(s.weekday), choices: weekdays },
      { type: 'Input.Time', id: 'time', label: t('digest.settings.time'), value: s.time },
      { type: 'Input.Toggle', id: 'beforeMeetings', title: t('digest.settings.beforeMeetings'), value: String(s.beforeMeetings), valueOn: 'true', valueOff: 'false' },
    ],
    [submit(t('digest.settings.save'), { action: 'leader.digestSave' })],
  );
}
