/* tablica: reading aids (contrast, text size, read aloud) and keyboard shortcuts with a
   help dialog where the user can switch shortcuts off or change their keys (WCAG 2.1.4).
   Choices are kept in localStorage only. */
(function () {
  "use strict";

  var root = document.documentElement;
  /* The theme's own elements are children of <body>, after <main>; the page's text lives
     inside <main> and cannot stand in for them, whatever ids it carries. */
  function themeElement(selector) {
    var found = document.querySelectorAll("body > " + selector);
    return found.length ? found[found.length - 1] : null;
  }
  var configNode = themeElement('script[type="application/json"]#tablica-config');
  var config = { shortcuts: [], singleKey: false, urls: {}, texts: {} };
  try {
    if (configNode) { config = JSON.parse(configNode.textContent); }
  } catch (e) { /* keep defaults */ }
  var texts = config.texts || {};
  var MAX_SIZE = 3;

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { /* not remembered, still applied */ }
  }
  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }

  /* ---- Reading aids ---- */
  var toolbar = document.getElementById("reading-aids");
  var status = toolbar ? toolbar.querySelector("[data-aid-status]") : null;
  function announce(message) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }
  function contrastOn() { return root.getAttribute("data-contrast") === "high"; }
  function setContrast(on) {
    if (on) { root.setAttribute("data-contrast", "high"); } else { root.removeAttribute("data-contrast"); }
    save("tablica.contrast", on ? "high" : null);
    var button = toolbar && toolbar.querySelector('[data-aid="contrast"]');
    if (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); }
    announce(on ? texts.contrastOn : texts.contrastOff);
  }
  function textSize() { return parseInt(root.getAttribute("data-text-size") || "0", 10) || 0; }
  function setTextSize(size) {
    size = Math.max(0, Math.min(MAX_SIZE, size));
    if (size === 0) { root.removeAttribute("data-text-size"); } else { root.setAttribute("data-text-size", String(size)); }
    save("tablica.textSize", size === 0 ? null : String(size));
    announce(fill(texts.textSize, { n: size }));
  }

  var speaking = false;
  function readAloud(button) {
    var synth = window.speechSynthesis;
    if (!synth) { return; }
    if (speaking) {
      synth.cancel();
      return;
    }
    var main = document.getElementById("main");
    var utterance = new window.SpeechSynthesisUtterance(main ? main.innerText : document.body.innerText);
    utterance.lang = root.lang || "pl";
    utterance.onend = utterance.onerror = function () {
      speaking = false;
      button.setAttribute("aria-pressed", "false");
      button.textContent = texts.readStart;
    };
    speaking = true;
    button.setAttribute("aria-pressed", "true");
    button.textContent = texts.readStop;
    synth.speak(utterance);
  }

  if (toolbar) {
    toolbar.hidden = false;
    var aidsToggle = document.querySelector(".aids-toggle");
    if (aidsToggle) {
      aidsToggle.hidden = false;
      toolbar.setAttribute("data-folded", "");
      aidsToggle.addEventListener("click", function () {
        var open = aidsToggle.getAttribute("aria-expanded") !== "true";
        aidsToggle.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) { toolbar.removeAttribute("data-folded"); } else { toolbar.setAttribute("data-folded", ""); }
      });
    }
    var contrastButton = toolbar.querySelector('[data-aid="contrast"]');
    if (contrastButton) { contrastButton.setAttribute("aria-pressed", contrastOn() ? "true" : "false"); }
    var readButton = toolbar.querySelector('[data-aid="read"]');
    if (readButton && "speechSynthesis" in window) { readButton.hidden = false; }
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-aid]");
      if (!button) { return; }
      switch (button.getAttribute("data-aid")) {
        case "contrast": setContrast(!contrastOn()); break;
        case "larger": setTextSize(textSize() + 1); break;
        case "smaller": setTextSize(textSize() - 1); break;
        case "reset": setTextSize(0); break;
        case "read": readAloud(button); break;
        case "help": openHelp(); break;
      }
    });
  }

  /* ---- Keyboard shortcuts ---- */
  var defaults = {};
  (config.shortcuts || []).forEach(function (s) { defaults[s.action] = s.keys; });
  function overrides() {
    try { return JSON.parse(load("tablica.shortcuts") || "{}") || {}; } catch (e) { return {}; }
  }
  function keysFor(action) {
    var o = overrides();
    return o[action] || defaults[action];
  }
  function enabled() { return load("tablica.shortcutsEnabled") !== "off"; }
  function singleKey() {
    var v = load("tablica.singleKey");
    return v === null ? !!config.singleKey : v === "on";
  }
  function hasModifier(keys) { return /^(Alt|Shift|Ctrl|Meta)\+./.test(keys) && keys.length > 1; }
  function lastKey(keys) {
    if (/\+\+$/.test(keys)) { return "+"; }
    var parts = keys.split("+");
    return parts[parts.length - 1];
  }

  /* The key combination of an event, e.g. "Alt+Shift+1" (layout-independent for letters and digits). */
  function comboOf(event) {
    var mods = [];
    if (event.altKey) { mods.push("Alt"); }
    if (event.shiftKey) { mods.push("Shift"); }
    if (event.ctrlKey) { mods.push("Ctrl"); }
    if (event.metaKey) { mods.push("Meta"); }
    var key = event.key;
    var code = event.code || "";
    if (/^Digit\d$/.test(code)) { key = code.slice(5); }
    else if (/^Key[A-Z]$/.test(code)) { key = code.slice(3); }
    else if (key && key.length === 1) { key = key.toUpperCase(); }
    if (key === " ") { key = "Space"; }
    if (mods.length === 0) { return key; }
    return mods.concat([key]).join("+");
  }

  function matches(event, keys) {
    if (!keys) { return false; }
    if (hasModifier(keys)) {
      return comboOf(event) === keys;
    }
    // A single key (such as "?") only when the user allows single-key shortcuts.
    if (!singleKey() || event.altKey || event.ctrlKey || event.metaKey) { return false; }
    return event.key.toUpperCase() === keys.toUpperCase();
  }

  function matchesSingle(event, keys) {
    if (!singleKey() || !keys || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return false; }
    var key = lastKey(keys);
    return key.length === 1 && event.key.toUpperCase() === key.toUpperCase();
  }

  function isTyping(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select" || target.isContentEditable) { return true; }
    if (tag === "input") {
      var type = (target.getAttribute("type") || "text").toLowerCase();
      return ["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"].indexOf(type) < 0;
    }
    return false;
  }

  function focusElement(el) {
    if (!el) { return; }
    if (!el.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) { el.setAttribute("tabindex", "-1"); }
    el.focus();
    if (el.scrollIntoView) { el.scrollIntoView({ block: "start" }); }
  }

  var actions = {
    skip_to_content: function () { focusElement(document.getElementById("main")); },
    main_menu: function () {
      var nav = document.getElementById("nav");
      focusElement(nav ? nav.querySelector("a") || nav : null);
    },
    search: function () {
      var field = document.getElementById("search-input");
      if (field) { field.focus(); } else if (config.urls && config.urls.search) { window.location.href = config.urls.search; }
    },
    home: function () { if (config.urls.home) { window.location.href = config.urls.home; } },
    news: function () { if (config.urls.news) { window.location.href = config.urls.news; } },
    high_contrast: function () { setContrast(!contrastOn()); },
    text_larger: function () { setTextSize(textSize() + 1); },
    text_smaller: function () { setTextSize(textSize() - 1); },
    help: function () { openHelp(); }
  };

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || remapping || !enabled() || isTyping(event.target)) { return; }
    if (dialog && dialog.open) { return; }
    var names = Object.keys(defaults);
    for (var i = 0; i < names.length; i++) {
      var keys = keysFor(names[i]);
      if (matches(event, keys) || matchesSingle(event, keys)) {
        event.preventDefault();
        actions[names[i]]();
        return;
      }
    }
  });

  /* ---- Help dialog ---- */
  var dialog = themeElement("dialog#shortcuts-dialog");
  var returnFocus = null;
  var remapping = null;

  function focusables(container) {
    return Array.prototype.filter.call(
      container.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])'),
      function (el) { return !el.hidden && el.offsetParent !== null; }
    );
  }

  function renderDialog() {
    if (!dialog) { return; }
    Array.prototype.forEach.call(dialog.querySelectorAll("tr[data-action]"), function (row) {
      var cell = row.querySelector("[data-keys]");
      if (cell) { cell.textContent = keysFor(row.getAttribute("data-action")); }
    });
    var on = dialog.querySelector('[data-option="enabled"]');
    var single = dialog.querySelector('[data-option="single"]');
    if (on) { on.checked = enabled(); }
    if (single) { single.checked = singleKey(); }
  }

  function openHelp() {
    if (!dialog || dialog.open) { return; }
    returnFocus = document.activeElement;
    renderDialog();
    if (typeof dialog.showModal === "function") { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
    var first = focusables(dialog)[0];
    if (first) { first.focus(); }
  }

  function closeHelp() {
    if (!dialog || !dialog.open) { return; }
    remapping = null;
    if (typeof dialog.close === "function") { dialog.close(); } else { dialog.removeAttribute("open"); restore(); }
  }

  function restore() {
    if (returnFocus && typeof returnFocus.focus === "function" && document.contains(returnFocus)) { returnFocus.focus(); }
    returnFocus = null;
  }

  if (dialog) {
    var remapStatus = dialog.querySelector("[data-remap-status]");
    dialog.addEventListener("close", restore);
    dialog.addEventListener("cancel", function (event) {
      if (remapping) { event.preventDefault(); }
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) { closeHelp(); return; }
      var remap = event.target.closest("[data-remap]");
      if (remap) {
        remapping = remap.getAttribute("data-remap");
        var label = dialog.querySelector("#sc-label-" + remapping);
        remapStatus.textContent = fill(texts.pressKey, { action: label ? label.textContent : remapping });
        return;
      }
      if (event.target.closest("[data-close]")) { closeHelp(); return; }
      if (event.target.closest("[data-reset-shortcuts]")) {
        save("tablica.shortcuts", null);
        renderDialog();
      }
    });
    dialog.addEventListener("change", function (event) {
      var option = event.target.getAttribute("data-option");
      if (option === "enabled") { save("tablica.shortcutsEnabled", event.target.checked ? null : "off"); }
      if (option === "single") { save("tablica.singleKey", event.target.checked ? "on" : "off"); }
    });
    dialog.addEventListener("keydown", function (event) {
      if (remapping) {
        if (/^(Shift|Alt|Control|Meta)$/.test(event.key)) { return; }
        event.preventDefault();
        event.stopPropagation();
        if (event.key === "Escape") {
          remapping = null;
          remapStatus.textContent = "";
          return;
        }
        var combo = comboOf(event);
        var taken = Object.keys(defaults).some(function (a) { return a !== remapping && keysFor(a) === combo; });
        if (taken) {
          remapStatus.textContent = fill(texts.taken, { keys: combo });
          return;
        }
        var o = overrides();
        o[remapping] = combo;
        save("tablica.shortcuts", JSON.stringify(o));
        remapping = null;
        renderDialog();
        remapStatus.textContent = fill(texts.saved, { keys: combo });
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        closeHelp();
        return;
      }
      if (event.key === "Tab") {
        var items = focusables(dialog);
        if (items.length === 0) { return; }
        var first = items[0];
        var last = items[items.length - 1];
        if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
        else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
      }
    });
  }
})();
