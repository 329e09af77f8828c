/*
 * Group Coach web chat: after a card's form is sent, the focus moves to the bot's answer, so a keyboard or
 * screen-reader user hears what happened instead of staying on the button they pressed (WCAG 2.4.3).
 * Web Chat keeps its own "focused message" (aria-activedescendant of the transcript); a mousedown on a
 * message is how it learns which one, so that is what we send it before focusing the transcript.
 */
(function () {
  'use strict';

  var waitMs = 20000;

  function messages(root) {
    return root.querySelectorAll('.webchat__basic-transcript__activity');
  }

  function AnswerFocus(root) {
    this.root = root;
    this.observer = null;
  }

  /** A form was just sent: the first message from the bot after the ones shown now gets the focus. */
  AnswerFocus.prototype.expectAnswer = function () {
    var self = this;
    var seen = messages(this.root).length;
    var deadline = Date.now() + waitMs;
    if (this.observer) this.observer.disconnect();
    var check = function () {
      if (Date.now() > deadline) return self.stop();
      var all = messages(self.root);
      for (var i = seen; i < all.length; i++) {
        if (!all[i].querySelector('.webchat__stacked-layout--from-user')) {
          self.stop();
          self.focus(all[i]);
          return;
        }
      }
    };
    this.observer = new MutationObserver(check);
    this.observer.observe(this.root, { childList: true, subtree: true });
  };

  AnswerFocus.prototype.stop = function () {
    if (this.observer) this.observer.disconnect();
    this.observer = null;
  };

  AnswerFocus.prototype.focus = function (message) {
    var transcript = this.root.querySelector('.webchat__basic-transcript');
    if (!transcript) return;
    message.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    transcript.focus();
    message.scrollIntoView({ block: 'nearest' });
  };

  window.GroupCoachAnswerFocus = AnswerFocus;
})();
