import type { Limits } from '../domain/model';
import type { Translate } from '../i18n';

/** Personal limits as a form. Private: only the person and their leader's planning rules ever use them. */
export function limitsCard(t: Translate, current: Limits | undefined) {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: t('limits.title'), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: t('limits.intro'), wrap: true },
      { type: 'Input.Toggle', id: 'mobility', title: t('limits.mobility'), value: String(current?.mobility ?? false), valueOn: 'true', valueOff: 'false' },
      { type: 'Input.Toggle', id: 'budget', title: t('limits.budget'), value: String(current?.budget ?? false), valueOn: 'true', valueOff: 'false' },
      { type: 'Input.Text', id: 'times', label: t('limits.times'), value: current?.times ?? '', maxLength: 500 },
      { type: 'Input.Text', id: 'note', label: t('limits.note'), value: current?.note ?? '', maxLength: 500, isMultiline: true },
    ],
    actions: [
      { type: 'Action.Submit', title: t('limits.save'), data: { action: 'limits.save' } },
      { type: 'Action.Submit', title: t('limits.skip'), data: { action: 'limits.save', skip: true } },
    ],
  };
}
