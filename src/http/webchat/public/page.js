/* Group Coach web chat page. No inline script (CSP script-src 'self'): settings come from #webchat-config. */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var statusEl = document.getElementById('status');
  var texts = config.texts;

  /** The bar says what is going on; once connected it steps aside (screen readers still hear "connected"). */
  function setStatus(text, kind) {
    statusEl.textContent = text;
    statusEl.className = kind === 'error' ? 'status error' : kind === 'done' ? 'status visually-hidden' : 'status';
  }

  // A minimal Observable, enough for Web Chat (subscribe with an observer or callbacks, unsubscribe).
  function Observable(subscribe) {
    this._subscribe = subscribe;
  }
  Observable.prototype.subscribe = function (observerOrNext, error, complete) {
    var observer =
      typeof observerOrNext === 'function' || !observerOrNext
        ? { next: observerOrNext, error: error, complete: complete }
        : observerOrNext;
    var closed = false;
    var safe = {
      next: function (v) { if (!closed && observer.next) observer.next(v); },
      error: function (e) { if (!closed) { closed = true; if (observer.error) observer.error(e); } },
      complete: function () { if (!closed) { closed = true; if (observer.complete) observer.complete(); } }
    };
    var teardown = this._subscribe(safe);
    return {
      get closed() { return closed; },
      unsubscribe: function () {
        closed = true;
        if (typeof teardown === 'function') teardown();
      }
    };
  };

  /**
   * One source shared by every subscriber; what arrives before the first subscriber is kept for it.
   * `replay` (the earlier conversation after a reload) goes to every subscriber first, as live ones do.
   */
  function Subject(initial, hasInitial, replay) {
    var observers = [];
    var buffer = [];
    var current = initial;
    var subject = new Observable(function (observer) {
      observers.push(observer);
      if (hasInitial) observer.next(current);
      var waiting = (replay || []).concat(buffer.splice(0));
      // Later, not inside subscribe(): Web Chat drops what arrives before its subscribe() has returned.
      if (waiting.length) setTimeout(function () { waiting.forEach(function (v) { observer.next(v); }); }, 0);
      if (subject.onFirstSubscribe) {
        var start = subject.onFirstSubscribe;
        subject.onFirstSubscribe = null;
        start();
      }
      return function () {
        observers = observers.filter(function (o) { return o !== observer; });
      };
    });
    subject.next = function (v) {
      current = v;
      if (!hasInitial && observers.length === 0) buffer.push(v);
      observers.slice().forEach(function (o) { o.next(v); });
    };
    subject.getValue = function () { return current; };
    return subject;
  }

  // Direct Line's ConnectionStatus values.
  var Uninitialized = 0, Connecting = 1, Online = 2, FailedToConnect = 4, Ended = 5;

  /** The local channel (local mode only): POST activities, server-sent events back. */
  function createLocalDirectLine(local, lang) {
    var base = '/local-webchat/conversations/' + encodeURIComponent(local.conversationId);
    var history = new window.GroupCoachHistory(local.user.id);
    var earlier = history.replay();
    var connectionStatus$ = Subject(Uninitialized, true);
    var activity$ = Subject(undefined, false, earlier);
    var source = null;
    // A reload continues the conversation: the earlier messages again, and no second welcome.
    var joined = earlier.length > 0;

    function post(path, body) {
      return fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-local-webchat-secret': local.secret },
        body: JSON.stringify(Object.assign({ lang: lang }, body))
      }).then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      });
    }

    function connect() {
      connectionStatus$.next(Connecting);
      source = new EventSource(base + '/stream?secret=' + encodeURIComponent(local.secret));
      source.addEventListener('activity', function (event) {
        var activity = JSON.parse(event.data);
        history.add(activity);
        activity$.next(activity);
      });
      source.onopen = function () {
        connectionStatus$.next(Online);
        if (!joined) {
          joined = true;
          post('/join', {}).catch(function () { connectionStatus$.next(FailedToConnect); });
        }
      };
      source.onerror = function () {
        if (source.readyState === EventSource.CLOSED) connectionStatus$.next(FailedToConnect);
        else connectionStatus$.next(Connecting);
      };
    }
    connectionStatus$.onFirstSubscribe = connect;

    return {
      activity$: activity$,
      connectionStatus$: connectionStatus$,
      postActivity: function (activity) {
        return new Observable(function (observer) {
          post('/activities', { activity: activity }).then(
            function (result) { observer.next(result.id); observer.complete(); },
            function (e) { observer.error(e); }
          );
        });
      },
      end: function () {
        if (source) source.close();
        connectionStatus$.next(Ended);
      }
    };
  }

  function fetchToken() {
    return fetch('/api/directline/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(function (res) {
      if (res.status === 429) throw Object.assign(new Error('busy'), { busy: true });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }

  function watchStatus(directLine) {
    var wasOnline = false;
    directLine.connectionStatus$.subscribe(function (status) {
      if (status === Online) {
        wasOnline = true;
        setStatus(texts.connected, 'done');
      } else if (status === Connecting || status === 3 /* ExpiredToken */) {
        setStatus(wasOnline ? texts.reconnecting : texts.connecting);
      } else if (status === FailedToConnect) {
        setStatus(texts.failed, 'error');
      }
    });
  }

  var styleOptions = {
    accent: '#2E6B5E',
    bubbleFromUserBackground: '#2E6B5E',
    bubbleFromUserTextColor: '#FFFFFF',
    bubbleFromUserBorderRadius: 12,
    bubbleBorderRadius: 12,
    bubbleMaxWidth: 600,
    cardEmphasisBackgroundColor: '#E6F0ED',
    suggestedActionBorderColor: '#2E6B5E',
    suggestedActionTextColor: '#2E6B5E',
    sendBoxButtonColor: '#2E6B5E',
    sendBoxButtonColorOnHover: '#1F4D43',
    hideUploadButton: true,
    // Touch targets of at least 44 px (the send button is as wide and high as the send box).
    sendBoxHeight: 52,
    suggestedActionHeight: 44,
    // Web Chat's own focus indicators in the focus colour of page.css (9.5:1 on white).
    transcriptVisualKeyboardIndicatorColor: '#1F4D43',
    transcriptActivityVisualKeyboardIndicatorColor: '#1F4D43',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    rootHeight: '100%',
    rootWidth: '100%'
  };

  /** A card's form sent (an activity with a value): the bot's answer gets the focus when it shows. */
  function focusAnswersToForms(directLine, root) {
    var answerFocus = new window.GroupCoachAnswerFocus(root);
    var post = directLine.postActivity.bind(directLine);
    directLine.postActivity = function (activity) {
      if (activity && activity.type === 'message' && activity.value !== undefined) answerFocus.expectAnswer();
      return post(activity);
    };
  }

  function render(directLine, props) {
    watchStatus(directLine);
    focusAnswersToForms(directLine, document.getElementById('webchat'));
    window.WebChat.renderWebChat(
      Object.assign({ directLine: directLine, locale: config.webChatLocale, styleOptions: styleOptions }, props),
      document.getElementById('webchat')
    );
  }

  setStatus(texts.connecting);
  if (!window.WebChat || !window.GroupCoachHistory || !window.GroupCoachAnswerFocus) {
    setStatus(texts.failed, 'error');
    return;
  }
  if (config.mode === 'local') {
    render(createLocalDirectLine(config.local, config.locale), { userID: config.local.user.id, username: config.local.user.name });
  } else {
    fetchToken().then(
      function (result) {
        render(window.WebChat.createDirectLine({ token: result.token, domain: config.directLine.domain }), {});
      },
      function (e) {
        setStatus(e && e.busy ? texts.busy : texts.failed, 'error');
      }
    );
  }
})();
