// The chat page's script (runs in the browser as is, no build step): starts Web Chat against the
// server's own Direct Line endpoint or Azure's Direct Line channel, and switches the page, Web Chat and the bot between languages.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('page-config').textContent);
  var languageSelect = document.getElementById('language');
  var status = document.getElementById('chat-status');
  var chatElement = document.getElementById('webchat');
  var STORAGE_KEY = 'cancellation-assistant.language';

  var language = config.language;
  try {
    var stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored && config.texts[stored]) language = stored;
  } catch (ignored) {
    // Storage may be blocked; the server's choice (from the browser's languages) stands.
  }

  var directLine = null;
  var userID = null;
  var connected = false;
  var pendingSwitch = null;

  function texts() {
    return config.texts[language];
  }

  function showStatus(key) {
    status.textContent = key ? texts()[key] : '';
    status.dataset.text = key || '';
    status.hidden = !key;
  }

  function applyPageTexts() {
    document.documentElement.lang = language;
    languageSelect.value = language;
    var all = document.querySelectorAll('[data-text]');
    for (var i = 0; i < all.length; i++) {
      var key = all[i].dataset.text;
      if (key && texts()[key] !== undefined) all[i].textContent = texts()[key];
    }
  }

  function sendLanguageSwitch() {
    // The bot's own switch phrase ("på svenska", "in English"): it answers in the new language and
    // re-asks its pending question there, as when the user types it.
    store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: texts().switchPhrase } });
  }

  var store = window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          connected = true;
          showStatus(null);
          if (pendingSwitch) {
            pendingSwitch = null;
            setTimeout(sendLanguageSwitch, 0);
          }
        } else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
          showStatus('connectionFailed');
        }
        return next(action);
      };
    };
  });

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: userID,
        locale: config.webChatLocales[language],
        styleOptions: { hideUploadButton: true, bubbleMaxWidth: 600, suggestedActionLayout: 'flow' },
      },
      chatElement,
    );
  }

  function start() {
    // The token comes from this server either way: from its built-in endpoint, or exchanged for the
    // Direct Line secret, which never reaches the browser.
    fetch(config.directLine.tokenPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: config.webChatLocales[language] }),
    })
      .then(function (response) {
        if (!response.ok) throw new Error('token request answered ' + response.status);
        return response.json();
      })
      .then(function (session) {
        // Azure's tokens carry the user id they are bound to, and Web Chat reads it from there (it refuses
        // a reserved dl_ id given beside one); the built-in endpoint's tokens need it passed.
        userID = config.directLine.domain ? undefined : session.userId;
        directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: config.directLine.domain || window.location.origin + config.directLine.path,
          webSocket: config.directLine.webSocket,
        });
        render();
      })
      .catch(function () {
        showStatus('connectionFailed');
      });
  }

  languageSelect.addEventListener('change', function () {
    if (!config.texts[languageSelect.value] || languageSelect.value === language) return;
    language = languageSelect.value;
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch (ignored) {
      // Remembering the choice is a convenience only.
    }
    applyPageTexts();
    if (status.dataset.text) showStatus(status.dataset.text);
    if (!directLine) return;
    // Web Chat takes the new locale from its props on the next render; setting it in the store now
    // makes the switch message below carry it already.
    store.dispatch({ type: 'WEB_CHAT/SET_LANGUAGE', payload: { language: config.webChatLocales[language] } });
    render();
    if (connected) sendLanguageSwitch();
    else pendingSwitch = true;
  });

  applyPageTexts();
  start();
})();
