import { moods, strengthsByGroup } from '../../domain/checkins';
import type { Translate } from '../../i18n';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { strengthInputId } from './actions';

/**
 * The whole check-in on one card, every input optional: mood as buttons with words, what I did,
 * strengths (one multi-select per ESCO group) and my own words, a next step with a day, sharing.
 */
export function checkInCard(t: Translate, options: { meetingId?: string; requestId: string; inGroup: boolean; today: string }) {
  const meeting = options.meetingId ? { meetingId: options.meetingId } : {};
  return adaptiveCard(
    [
      heading(t('checkins.card.title')),
      textBlock(t('checkins.card.intro'), { isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: 'mood',
        label: t('checkins.card.mood'),
        style: 'expanded',
        choices: moods.map((m) => ({ title: t(`checkins.moods.${m}`), value: String(m) })),
      },
      { type: 'Input.Text', id: 'did', label: t('checkins.card.did'), isMultiline: true, maxLength: 1000 },
      textBlock(t('checkins.card.strengths'), { weight: 'Bolder', spacing: 'Medium' }),
      ...strengthsByGroup().map(({ group, ids }) => ({
        type: 'Input.ChoiceSet',
        id: strengthInputId(group),
        label: t(`checkins.escoGroups.${group}`),
        isMultiSelect: true,
        style: 'expanded',
        choices: ids.map((id) => ({ title: t(`checkins.strengthLabels.${id}`), value: id })),
      })),
      { type: 'Input.Text', id: 'strengthsOther', label: t('checkins.card.strengthsOther'), maxLength: 300 },
      { type: 'Input.Text', id: 'nextStep', label: t('checkins.card.nextStep'), maxLength: 300 },
      { type: 'Input.Date', id: 'nextStepDate', label: t('checkins.card.nextStepDate'), min: options.today },
      ...(options.inGroup ? [{ type: 'Input.Toggle', id: 'share', title: t('checkins.card.share'), value: 'false', valueOn: 'true', valueOff: 'false' }] : []),
    ],
    [
      submit(t('checkins.card.save'), { action: 'checkins.save', requestId: options.requestId, ...meeting }),
      { ...submit(t('checkins.card.stepwise'), { action: 'checkins.stepwise' }), associatedInputs: 'none' },
      // "My reflections" lives here and behind its keyword, so the menu stays short on a phone.
      { ...submit(t('menu.actions.checkins.reflections'), { action: 'checkins.reflections' }), associatedInputs: 'none' },
    ],
    { speak: t('checkins.card.title') },
  );
}

/** The numbered list for people who type: numbers are catalogue positions, grouped under their ESCO group. */
export function numberedStrengths(t: Translate): string {
  let n = 0;
  return strengthsByGroup()
    .map(({ group, ids }) => `**${t(`checkins.escoGroups.${group}`)}**\n\n${ids.map((id) => `${++n}. ${t(`checkins.strengthLabels.${id}`)}`).join('\n\n')}`)
    .join('\n\n');
}

/** The button on the reflection prompt after a meeting. */
export const checkInButton = (t: Translate, meetingId?: string) =>
  submit(t('checkins.prompt.button'), { action: 'checkins.start', ...(meetingId ? { meetingId } : {}) });
