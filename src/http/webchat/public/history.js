/*
 * Group Coach web chat: the conversation so far, kept in this tab's sessionStorage so that a reload shows it.
 * Why the tab and not the server: the texts stay on the person's own device (a shared library computer
 * forgets them when the tab closes), the server keeps no copy of anyone's messages, and nothing is logged.
 * Bounded: the newest 60 messages and at most ~400 000 characters, far below the browser's quota.
 */
(function () {
  'use strict';

  var maxActivities = 60;
  var maxChars = 400000;

  function TabHistory(owner) {
    this.key = 'group-coach:history:' + owner;
  }

  /** The kept messages, oldest first; [] when there are none or storage is off. */
  TabHistory.prototype.read = function () {
    try {
      var list = JSON.parse(window.sessionStorage.getItem(this.key) || '[]');
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  };

  /** Keeps a message that a person can see (text or cards); typing and events are not history. */
  TabHistory.prototype.add = function (activity) {
    if (!activity || activity.type !== 'message' || !(activity.text || (activity.attachments && activity.attachments.length))) return;
    try {
      var list = this.read().filter(function (a) { return a.id !== activity.id; });
      list.push(activity);
      list = list.slice(-maxActivities);
      var json = JSON.stringify(list);
      while (json.length > maxChars && list.length > 1) {
        list.shift();
        json = JSON.stringify(list);
      }
      window.sessionStorage.setItem(this.key, json);
    } catch (e) {
      // Storage full or switched off: the history is a convenience, the chat goes on without it.
    }
  };

  /**
   * The kept messages as Web Chat should show them again: under ids of their own, so a restarted server's
   * new ids never collide; a reply points to its question's new id (Web Chat holds back a reply to an
   * activity it has not seen).
   */
  TabHistory.prototype.replay = function () {
    return this.read().map(function (a) {
      var again = Object.assign({}, a, { id: 'earlier-' + a.id });
      if (a.replyToId) again.replyToId = 'earlier-' + a.replyToId;
      return again;
    });
  };

  window.GroupCoachHistory = TabHistory;
})();
