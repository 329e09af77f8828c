import { expect } from 'chai';
import { PrivateTexts } from './privateTexts';

describe('test support: the check that no one\'s limits reach another person', () => {
  const aino = { id: 'aino-1', conversationId: 'personal-aino-1' };
  const saved = () => {
    const texts = new PrivateTexts();
    texts.noteSubmit(aino, { action: 'limits.save', mobility: true, times: 'vain aamupäivisin', note: '' });
    return texts;
  };

  it('passes when the texts went only to the person\'s own chat and their own invoke answers', () => {
    const texts = saved();
    texts.noteInvokeAnswer('aino-1', '{"value":"vain aamupäivisin"}');
    expect(() => texts.check([{ conversationId: 'personal-aino-1', body: { text: 'Rajasi: vain aamupäivisin' } }])).to.not.throw();
  });

  it('fails when another conversation got them, or another person\'s invoke answer held them', () => {
    expect(() => saved().check([{ conversationId: '19:chat@thread.v2', body: { attachments: [{ content: { text: 'vain aamupäivisin' } }] } }])).to.throw(
      "a person's limits were sent to conversation 19:chat@thread.v2",
    );
    const texts = saved();
    texts.noteInvokeAnswer('leena-2', '{"value":"Aino: vain aamupäivisin"}');
    expect(() => texts.check([])).to.throw("a person's limits were in an invoke answer to leena-2");
  });
});
