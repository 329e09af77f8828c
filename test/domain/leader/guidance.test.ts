import { expect } from 'chai';
import { deliverJobId, guidanceText, isGuidanceError, recipientOf, senderOf, undeliveredReason } from '../../../src/domain/leader';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (e) {
    return isGuidanceError(e) ? e.code : 'other';
  }
};

describe('guidance rules', () => {
  it('keeps a message trimmed; refuses an empty one and one over the limit', () => {
    expect(guidanceText('  Hei Aino!\n ')).to.equal('Hei Aino!');
    expect(codeOf(() => guidanceText(' \n\t '))).to.equal('EMPTY');
    expect(codeOf(() => guidanceText(undefined))).to.equal('EMPTY');
    expect(guidanceText('x'.repeat(1000))).to.have.length(1000);
    expect(codeOf(() => guidanceText('x'.repeat(1001)))).to.equal('TOO_LONG');
    expect(codeOf(() => guidanceText(`  ${'x'.repeat(1000)}  `))).to.equal('ok');
  });

  it('words why a send did not go: never opened, removed, the connection', () => {
    expect(undeliveredReason({ kind: 'unreachable', status: 404, reason: 'no_conversation' })).to.equal('no_conversation');
    expect(undeliveredReason({ kind: 'unreachable', status: 403, reason: 'conversation_unreachable' })).to.equal('bot_removed');
    expect(undeliveredReason({ kind: 'unreachable', status: 403 })).to.equal('bot_removed');
    expect(undeliveredReason({ kind: 'failed' })).to.equal('connector');
    expect(undeliveredReason({ kind: 'failed', status: 502 })).to.equal('connector');
  });

  it('sends each message to the other of the two, and names the participant in the job id (their erase finds it)', () => {
    const thread = { userId: 'p', leaderId: 'l' };
    expect([recipientOf({ ...thread, from: 'leader' }), senderOf({ ...thread, from: 'leader' })]).to.deep.equal(['p', 'l']);
    expect([recipientOf({ ...thread, from: 'participant' }), senderOf({ ...thread, from: 'participant' })]).to.deep.equal(['l', 'p']);
    expect(recipientOf({ userId: 'p', from: 'participant' })).to.equal(undefined);
    expect(deliverJobId('msteams:aad-1', 'guidance:m', 2)).to.equal('leader.guidance:msteams:aad-1:guidance:m:2');
  });
});
