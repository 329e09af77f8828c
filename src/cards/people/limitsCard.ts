import type { Limits } from '../../domain/people/model';
import type { Translate } from '../../i18n';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, textBlock } from '../shared/elements';

/** Personal limits as a form. Private: only the person and their leader's planning rules ever use them. */
export function limitsCard(t: Translate, current: Limits | undefined) {
  return adaptiveCard(
    [
      heading(t('limits.title')),
      textBlock(t('limits.intro')),
      { type: 'Input.Toggle', id: 'mobility', title: t('limits.mobility'), wrap: true, value: String(current?.mobility ?? false), valueOn: 'true', valueOff: 'false' },
      { type: 'Input.Toggle', id: 'budget', title: t('limits.budget'), wrap: true, value: String(current?.budget ?? false), valueOn: 'true', valueOff: 'false' },
      { type: 'Input.Text', id: 'times', label: t('limits.times'), value: current?.times ?? '', maxLength: 500 },
      { type: 'Input.Text', id: 'note', label: t('limits.note'), value: current?.note ?? '', maxLength: 500, isMultiline: true },
    ],
    [submit(t('limits.save'), { action: 'limits.save' }), submit(t('limits.skip'), { action: 'limits.save', skip: true })],
  );
}
