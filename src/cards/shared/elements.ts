/** The building blocks every card here shares: one Adaptive Card version, one heading style. */

export const adaptiveCard = (body: object[], actions: object[] = [], extra: object = {}) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  ...extra,
  body,
  actions,
});

export const heading = (text: string) => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });

export const textBlock = (text: string, extra: object = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** A form's problem, shown at the top in the attention colour. */
export const problem = (error: string | undefined) => (error ? [textBlock(error, { color: 'Attention', weight: 'Bolder' })] : []);
