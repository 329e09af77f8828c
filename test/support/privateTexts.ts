/**
 * A person's own limits (what they typed as times and a note in "My limits") are theirs: every harness keeps
 * the texts each person saved, and every card the bot sent — to any conversation, and every invoke answer
 * (a Teams user-specific view) — is checked for them when the harness stops. Only the person's own personal
 * chat and their own invoke answers may hold them.
 */
export class PrivateTexts {
  private readonly saved: Array<{ personId: string; conversationId: string; text: string }> = [];
  private readonly invokeAnswers: Array<{ fromId: string; body: string }> = [];

  /** A submit of the limits form by this person. */
  noteSubmit(person: { id: string; conversationId: string }, value: unknown): void {
    if (typeof value !== 'object' || value === null || (value as { action?: unknown }).action !== 'limits.save') return;
    for (const field of ['times', 'note'] as const) {
      const text = (value as Record<string, unknown>)[field];
      if (typeof text === 'string' && text.trim().length >= 4) this.saved.push({ personId: person.id, conversationId: person.conversationId, text: text.trim() });
    }
  }

  noteInvokeAnswer(fromId: string, body: string): void {
    this.invokeAnswers.push({ fromId, body });
  }

  /** Throws naming the conversation (never the text) where someone's limits reached another person. */
  check(received: ReadonlyArray<{ conversationId: string; body: unknown }>): void {
    for (const s of this.saved) {
      const leak = received.find((r) => r.conversationId !== s.conversationId && JSON.stringify(r.body).includes(s.text));
      if (leak) throw new Error(`a person's limits were sent to conversation ${leak.conversationId}`);
      const view = this.invokeAnswers.find((a) => a.fromId !== s.personId && a.body.includes(s.text));
      if (view) throw new Error(`a person's limits were in an invoke answer to ${view.fromId}`);
    }
  }
}
