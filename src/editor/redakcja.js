// Redakcja: the small script of tablica's editor. Everything works without it; it adds the
// Markdown toolbar and shortcuts (Ctrl+B, Ctrl+I, Ctrl+K), a warning before leaving with
// unsaved changes, a copy of the form kept in this browser until it is saved, and focus on
// the error summary. Loaded from a file (the CSP allows no inline script).
(function () {
  "use strict";
  var lang = document.documentElement.lang === "en" ? "en" : "pl";
  var words = {
    pl: { bold: "Pogrubienie", italic: "Kursywa", h2: "Nagłówek", h3: "Podtytuł", list: "Lista",
      numbered: "Lista numerowana", link: "Link", doc: "Link do dokumentu", quote: "Cytat", table: "Tabela",
      toolbar: "Formatowanie tekstu", restored: "Przywrócono niezapisane zmiany z tej przeglądarki.",
      discard: "Odrzuć przywrócone zmiany", text: "tekst", address: "https://", cell: "komórka", error: "Błąd" },
    en: { bold: "Bold", italic: "Italic", h2: "Heading", h3: "Subheading", list: "List",
      numbered: "Numbered list", link: "Link", doc: "Link to a document", quote: "Quote", table: "Table",
      toolbar: "Text formatting", restored: "Unsaved changes from this browser were restored.",
      discard: "Discard restored changes", text: "text", address: "https://", cell: "cell", error: "Error" }
  }[lang];

  var summary = document.querySelector(".podsumowanie-bledow");
  if (summary) { summary.focus(); }

  // Publishing: the page asks for itself again and puts the new stage into its polite live
  // region (only when it changed), until the publication is done. Without the script the
  // page reloads itself.
  var board = document.getElementById("publikacja");
  function poll() {
    fetch(window.location.href, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var next = fresh.getElementById("publikacja");
      if (!next) { return; }
      if (next.textContent !== board.textContent) {
        board.replaceChildren.apply(board, Array.prototype.slice.call(next.childNodes));
        document.title = fresh.title;
      }
      if (next.hasAttribute("data-trwa")) { window.setTimeout(poll, 1000); } else { board.removeAttribute("data-trwa"); }
    }).catch(function () { window.setTimeout(poll, 3000); });
  }
  if (board && board.hasAttribute("data-trwa")) { window.setTimeout(poll, 1000); }

  var area = document.getElementById("pole-tresc");
  var form = area && area.form;
  if (!area || !form) { return; }

  function wrap(before, after, placeholder) {
    var s = area.selectionStart, e = area.selectionEnd, v = area.value;
    var inner = v.slice(s, e) || placeholder;
    area.value = v.slice(0, s) + before + inner + after + v.slice(e);
    area.focus();
    area.setSelectionRange(s + before.length, s + before.length + inner.length);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
  function linePrefix(prefix) {
    var s = area.selectionStart, v = area.value;
    var start = v.lastIndexOf("\n", s - 1) + 1;
    area.value = v.slice(0, start) + prefix + v.slice(start);
    area.focus();
    area.setSelectionRange(s + prefix.length, s + prefix.length);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
  var actions = {
    bold: function () { wrap("**", "**", words.text); },
    italic: function () { wrap("*", "*", words.text); },
    h2: function () { linePrefix("## "); },
    h3: function () { linePrefix("### "); },
    list: function () { linePrefix("- "); },
    numbered: function () { linePrefix("1. "); },
    link: function () { wrap("[", "](" + words.address + ")", words.text); },
    doc: function () { wrap("[", "](dokument.pdf)", words.text); },
    quote: function () { linePrefix("> "); },
    table: function () { wrap("\n| " + words.cell + " | " + words.cell + " |\n|---|---|\n| ", " | |\n", words.cell); }
  };
  var bar = document.createElement("div");
  bar.className = "pasek";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", words.toolbar);
  bar.setAttribute("aria-controls", area.id);
  Object.keys(actions).forEach(function (name) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = words[name];
    b.addEventListener("click", actions[name]);
    bar.appendChild(b);
  });
  area.parentNode.insertBefore(bar, area);
  area.addEventListener("keydown", function (ev) {
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) { return; }
    var key = ev.key.toLowerCase();
    var name = { b: "bold", i: "italic", k: "link" }[key];
    if (name) { ev.preventDefault(); actions[name](); }
  });

  // Rows of a list (a project's figures): a button adds an empty row, numbered after the
  // others; the server drops rows left empty.
  function addRow(box, number) {
    var rows = box.querySelectorAll("fieldset.wiersz");
    var prefix = box.getAttribute("data-wiersze");
    var key = prefix.slice(2);
    var most = 0;
    Array.prototype.forEach.call(box.querySelectorAll("[name]"), function (el) {
      most = Math.max(most, Number(el.name.slice(prefix.length + 1).split(".")[0]) || 0);
    });
    var n = number || most + 1;
    var row = rows[rows.length - 1].cloneNode(true);
    var rename = function (id) { return id.replace(/-\d+-([^-]+)$/, "-" + n + "-$1"); };
    Array.prototype.forEach.call(row.querySelectorAll("[name]"), function (el) {
      var sub = el.name.split(".").pop();
      el.name = prefix + "." + n + "." + sub;
      el.id = "pole-" + key + "-" + n + "-" + sub;
      el.value = "";
      el.removeAttribute("aria-invalid");
      el.setAttribute("aria-describedby", "podpowiedz-" + key + "-" + n + "-" + sub);
    });
    Array.prototype.forEach.call(row.querySelectorAll("label[for]"), function (l) { l.htmlFor = rename(l.htmlFor); });
    Array.prototype.forEach.call(row.querySelectorAll(".podpowiedz[id]"), function (p) { p.id = rename(p.id); });
    Array.prototype.forEach.call(row.querySelectorAll(".blad"), function (p) { p.remove(); });
    Array.prototype.forEach.call(row.querySelectorAll(".z-bledem"), function (d) { d.classList.remove("z-bledem"); });
    row.querySelector("legend").textContent = box.getAttribute("data-wiersz").replace("{n}", rows.length + 1);
    box.appendChild(row);
    return row;
  }
  Array.prototype.forEach.call(form.querySelectorAll("[data-wiersze]"), function (box) {
    var add = document.createElement("button");
    add.type = "button";
    add.className = "przycisk drugi";
    add.textContent = box.getAttribute("data-dodaj");
    add.addEventListener("click", function () { addRow(box).querySelector("input").focus(); });
    box.parentNode.appendChild(add);
  });

  // Unsaved changes: a warning before leaving, and a copy kept in this browser.
  var storeKey = "redakcja:" + (form.getAttribute("data-szkic") || "");
  var dirty = false;
  function snapshot() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "submit") { return; }
      data[el.name] = el.type === "checkbox" ? (el.checked ? "true" : "false") : el.value;
    });
    return data;
  }
  var wersja = form.elements.wersja ? form.elements.wersja.value : "";
  try {
    var kept = JSON.parse(window.localStorage.getItem(storeKey) || "null");
    if (kept && kept.wersja === wersja && !document.querySelector(".podsumowanie-bledow")) {
      Object.keys(kept.data).forEach(function (name) {
        // A row added before the tab was closed: added again, with its number.
        var rowOf = /^(f_[^.]+)\.(\d+)\./.exec(name);
        var box = rowOf && form.querySelector("[data-wiersze='" + rowOf[1] + "']");
        if (box && !form.elements[name]) { addRow(box, Number(rowOf[2])); }
        var el = form.elements[name];
        if (!el || el.length) {
          var list = form.querySelectorAll("[name='" + name + "']");
          el = list[list.length - 1];
        }
        if (!el) { return; }
        if (el.type === "checkbox") { el.checked = kept.data[name] === "true"; } else { el.value = kept.data[name]; }
      });
      dirty = true;
      var note = document.createElement("div");
      note.className = "komunikat";
      note.setAttribute("role", "status");
      var p = document.createElement("p");
      p.textContent = words.restored;
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "przycisk drugi";
      discard.textContent = words.discard;
      discard.addEventListener("click", function () {
        window.localStorage.removeItem(storeKey);
        dirty = false;
        window.location.reload();
      });
      note.appendChild(p);
      note.appendChild(discard);
      form.parentNode.insertBefore(note, form);
    }
  } catch (e) { /* storage unavailable: the form still works */ }
  // The photos' descriptions belong to the form from outside it (`form=`): listened to on the
  // document.
  document.addEventListener("input", function (ev) {
    if (ev.target.form !== form) { return; }
    dirty = true;
    try { window.localStorage.setItem(storeKey, JSON.stringify({ wersja: wersja, data: snapshot() })); } catch (e) { /* full or off */ }
  });
  form.addEventListener("submit", function () {
    dirty = false;
    // A date picker holding a day that does not exist (31 February) sends nothing: say so, so
    // that the server reports that day instead of a missing date.
    Array.prototype.forEach.call(form.querySelectorAll("input.zla-data"), function (el) { el.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll("input[type=date], input[type=datetime-local]"), function (el) {
      if (!el.validity || !el.validity.badInput) { return; }
      var mark = document.createElement("input");
      mark.type = "hidden";
      mark.className = "zla-data";
      mark.name = "zla-data-" + el.name;
      mark.value = "true";
      form.appendChild(mark);
    });
    // Kept until the saved page comes back without errors (see below).
  });
  if (document.querySelector(".komunikat[role=status]") && !document.querySelector(".podsumowanie-bledow") &&
      window.location.search.indexOf("zapisano=1") !== -1) {
    try { window.localStorage.removeItem(storeKey); } catch (e) { /* nothing kept */ }
  }
  // Checked as they write: a moment after typing stops, and when a field is left, the form
  // goes to the server's checks (those of `tablica check`; nothing is written) and each
  // field's error is shown or taken away beside it. A new error waits until the person
  // leaves the field they are typing in; a corrected one goes at once. A polite status says
  // how many errors there are, when that changes; focus never moves.
  var checkUrl = form.getAttribute("data-sprawdz");
  var state = document.getElementById("stan-formularza");
  var asked = 0, timer = null;
  function sentNow() {
    var data = new URLSearchParams(new FormData(form));
    Array.prototype.forEach.call(form.querySelectorAll("input[type=date], input[type=datetime-local]"), function (el) {
      if (el.validity && el.validity.badInput) { data.append("zla-data-" + el.name, "true"); }
    });
    return data;
  }
  function setError(el, key, text) {
    var shown = document.getElementById("blad-" + key);
    var wrapper = el.closest(".pole, .z-bledem");
    var described = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== "blad-" + key;
    });
    if (!text) {
      if (shown) { shown.remove(); }
      el.removeAttribute("aria-invalid");
      if (wrapper) { wrapper.classList.remove("z-bledem"); }
      if (described.length) { el.setAttribute("aria-describedby", described.join(" ")); } else { el.removeAttribute("aria-describedby"); }
      return;
    }
    if (!shown) {
      if (el === document.activeElement) { return; }
      shown = document.createElement("p");
      shown.className = "blad";
      shown.id = "blad-" + key;
      el.parentNode.insertBefore(shown, el.closest(".wybor") || el);
    }
    var hidden = document.createElement("span");
    hidden.className = "niewidoczne";
    hidden.textContent = words.error + ": ";
    shown.replaceChildren(hidden, document.createTextNode(text));
    el.setAttribute("aria-invalid", "true");
    if (wrapper) { wrapper.classList.add("z-bledem"); }
    described.push("blad-" + key);
    el.setAttribute("aria-describedby", described.join(" "));
  }
  function showChecked(answer) {
    var byField = {};
    (answer.bledy || []).forEach(function (b) { (byField[b.pole] = byField[b.pole] || []).push(b.blad); });
    Array.prototype.forEach.call(document.querySelectorAll("[id^='pole-'][name]"), function (el) {
      if (el.form !== form || el.type === "hidden") { return; }
      var key = el.id.slice(5);
      setError(el, key, (byField[key] || []).join(" "));
    });
    // The summary drawn with the page was announced then (role="alert"); it follows quietly,
    // and only when its list changed.
    var list = summary && summary.querySelector("ul");
    var said = (answer.bledy || []).map(function (b) { return b.pole + " " + b.blad; }).join("\n");
    if (list && list.getAttribute("data-bylo") !== said) {
      summary.setAttribute("role", "region");
      list.setAttribute("data-bylo", said);
      var items = (answer.bledy || []).map(function (b) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = "#pole-" + b.pole;
        a.textContent = b.blad;
        li.appendChild(a);
        return li;
      });
      list.replaceChildren.apply(list, items);
      if (!items.length) { summary.remove(); summary = null; }
    }
    if (state && state.textContent !== answer.stan) { state.textContent = answer.stan; }
  }
  function checkNow() {
    window.clearTimeout(timer);
    var mine = ++asked;
    fetch(checkUrl, { method: "POST", body: sentNow(), credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (answer) { if (mine === asked) { showChecked(answer); } })
      .catch(function () { /* offline: the checks run again at Save */ });
  }
  if (checkUrl) {
    document.addEventListener("input", function (ev) {
      if (ev.target.form !== form) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(checkNow, 800);
    });
    document.addEventListener("change", function (ev) { if (ev.target.form === form) { checkNow(); } });
  }

  window.addEventListener("beforeunload", function (ev) {
    if (dirty) { ev.preventDefault(); ev.returnValue = ""; }
  });

  // Photos and documents: sent as the request's body, the other fields in the address.
  function showProblems(up, problems) {
    var prefix = up.getAttribute("data-prefiks");
    Array.prototype.forEach.call(up.querySelectorAll(".blad, .podsumowanie-bledow"), function (el) { el.remove(); });
    Array.prototype.forEach.call(up.querySelectorAll("[aria-invalid]"), function (el) { el.removeAttribute("aria-invalid"); });
    var box = document.createElement("div");
    box.className = "podsumowanie-bledow";
    box.setAttribute("role", "alert");
    box.tabIndex = -1;
    var h = document.createElement("h3");
    h.textContent = up.getAttribute("data-problem");
    var list = document.createElement("ul");
    problems.forEach(function (p) {
      var field = document.getElementById(prefix + "-" + p.pole);
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.textContent = p.blad;
      if (field) {
        a.href = "#" + field.id;
        field.setAttribute("aria-invalid", "true");
        var err = document.createElement("p");
        err.className = "blad";
        err.id = field.id + "-blad";
        err.textContent = p.blad;
        field.parentNode.insertBefore(err, field);
        field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + err.id).trim());
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    box.appendChild(h);
    box.appendChild(list);
    up.insertBefore(box, up.firstChild);
    box.focus();
  }
  // One file sent as the body, the form's fields in the address (`over` replaces some).
  function send(up, file, over) {
    var query = new URLSearchParams();
    Array.prototype.forEach.call(up.elements, function (el) {
      if (!el.name || el.type === "file" || el.name === "csrf" || el.type === "submit") { return; }
      if (el.type === "checkbox") { if (el.checked) { query.set(el.name, "true"); } return; }
      query.set(el.name, el.value);
    });
    Object.keys(over).forEach(function (name) { query.set(name, over[name]); });
    query.set("nazwa", file ? file.name : "");
    return fetch(up.getAttribute("action") + "?" + query.toString(), {
      method: "POST",
      headers: { "X-Redakcja-CSRF": up.elements.csrf.value, "Content-Type": "application/octet-stream" },
      body: file || new Blob([]),
      credentials: "same-origin"
    }).then(function (r) {
      var refused = function (why) { return { ok: false, bledy: [{ pole: "plik-wgrany", blad: why }] }; };
      if (r.status === 413) { return refused(up.getAttribute("data-za-duzy")); }
      if ((r.headers.get("Content-Type") || "").indexOf("application/json") === 0) { return r.json(); }
      // A refusal page (an ended session, an out-of-date form): its explanation.
      return r.text().then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var said = page.querySelector("main p");
        return refused(said ? said.textContent : up.getAttribute("data-problem"));
      });
    });
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function editUrl(plik, notice) {
    return "/redakcja/edytuj?plik=" + encodeURIComponent(plik) + "&zapisano=" + notice;
  }
  // Several photos: sent one after another, each over the version the previous one left; one
  // refused does not stop the others. Each is then described in the list of photos.
  var reportKey = "redakcja:wgrane";
  // The status region: a line saying what happens now, and a list with each file's result
  // (each new item is announced).
  function progress() {
    var said = document.getElementById("zdjecie-postep");
    var line = document.createElement("p"), list = document.createElement("ul");
    said.replaceChildren(line, list);
    return {
      now: function (text) { line.textContent = text; },
      result: function (text) {
        var li = document.createElement("li");
        li.textContent = text;
        list.appendChild(li);
      }
    };
  }
  function sendMany(up, files) {
    var said = progress();
    var max = Number(up.getAttribute("data-najwiecej"));
    var plik = up.elements.plik.value, wersja = up.elements.wersja.value;
    var failed = [], results = [], added = 0, i = 0;
    function result(text) { results.push(text); said.result(text); }
    function refused(file, answer) {
      var why = (answer.bledy || []).map(function (b) { return b.blad; }).join(" ") || up.getAttribute("data-problem");
      failed.push({ pole: "plik-wgrany", blad: file.name + ": " + why });
      result(file.name + ": " + why);
    }
    function next() {
      if (i === files.length) { return finish(); }
      var file = files[i];
      i += 1;
      said.now(fill(up.getAttribute("data-wysylanie"), { n: i, total: files.length, file: file.name }));
      if (file.size > max) {
        refused(file, { bledy: [{ blad: up.getAttribute("data-za-duzy") }] });
        return next();
      }
      return send(up, file, { plik: plik, wersja: wersja, alt: "", podpis: "", wiele: "true" }).then(function (answer) {
        if (answer.ok) {
          added += 1;
          plik = answer.plik;
          wersja = answer.wersja;
          result(fill(up.getAttribute("data-dodano"), { file: file.name }));
        } else { refused(file, answer); }
      }, function () { refused(file, {}); }).then(next);
    }
    function finish() {
      var done = fill(up.getAttribute("data-koniec"), { added: added, total: files.length });
      said.now(done);
      if (!added) { showProblems(up, failed); return; }
      try {
        window.sessionStorage.setItem(reportKey, JSON.stringify({ done: done, results: results, failed: failed }));
      } catch (e) { /* the list of photos shows what was added */ }
      window.location.href = editUrl(plik, "dodane");
    }
    next();
  }
  Array.prototype.forEach.call(document.querySelectorAll("form.wgrywanie"), function (up) {
    up.addEventListener("submit", function (ev) {
      ev.preventDefault();
      // A photo is written into the front matter, so unsaved changes would be lost; a
      // document only adds a link to the text being edited.
      if (dirty && up.getAttribute("data-prefiks") === "zdjecie") {
        showProblems(up, [{ pole: "plik-wgrany", blad: up.getAttribute("data-najpierw") }]);
        return;
      }
      var input = up.elements["plik-wgrany"];
      var files = input.files ? Array.prototype.slice.call(input.files) : [];
      if (files.length > 1) { sendMany(up, files); return; }
      var most = Number(up.getAttribute("data-najwiecej"));
      if (files[0] && most && files[0].size > most) {
        showProblems(up, [{ pole: "plik-wgrany", blad: up.getAttribute("data-za-duzy") }]);
        return;
      }
      send(up, files[0], {}).then(function (answer) {
        if (!answer.ok) { showProblems(up, answer.bledy || []); return; }
        if (answer.link) {
          var s = area.selectionStart;
          area.value = area.value.slice(0, s) + answer.link + area.value.slice(area.selectionEnd);
          Array.prototype.forEach.call(document.querySelectorAll("input[name=plik]"), function (el) { el.value = answer.plik; });
          form.setAttribute("data-szkic", answer.plik);
          area.dispatchEvent(new Event("input", { bubbles: true }));
          var said = document.getElementById("dokument-ogloszenie");
          if (said && answer.komunikat) { said.className = "komunikat"; said.textContent = answer.komunikat; }
          area.focus();
          return;
        }
        window.location.href = editUrl(answer.plik, "1");
      }).catch(function () {
        showProblems(up, [{ pole: "plik-wgrany", blad: up.getAttribute("data-problem") }]);
      });
    });
  });
  // After several photos: what was added, and each file refused, by name.
  try {
    var report = JSON.parse(window.sessionStorage.getItem(reportKey) || "null");
    window.sessionStorage.removeItem(reportKey);
    var photoForm = document.querySelector("form.wgrywanie[data-prefiks=zdjecie]");
    if (report && photoForm) {
      var said = progress();
      said.now(report.done);
      report.results.forEach(said.result);
      if (report.failed.length) { showProblems(photoForm, report.failed); }
    }
  } catch (e) { /* storage unavailable: the list of photos shows what was added */ }

  // Photos: dragged onto another to take its place (the buttons do the same without a script),
  // and files dropped onto the photo field as if chosen in it.
  var dragged = null;
  Array.prototype.forEach.call(document.querySelectorAll(".lista-zdjec .zdjecie"), function (li) {
    li.draggable = true;
    // Its description's fields are typed in and selected, never a handle to drag it by.
    li.addEventListener("pointerdown", function (ev) {
      li.draggable = !ev.target.closest("input, label, button, legend");
    });
    li.addEventListener("dragstart", function (ev) {
      dragged = li;
      li.classList.add("przeciagane");
      ev.dataTransfer.effectAllowed = "move";
      ev.dataTransfer.setData("text/plain", li.getAttribute("data-zdjecie"));
    });
    li.addEventListener("dragend", function () { li.classList.remove("przeciagane"); dragged = null; });
    li.addEventListener("dragover", function (ev) {
      if (!dragged || dragged === li) { return; }
      ev.preventDefault();
      li.classList.add("nad");
    });
    li.addEventListener("dragleave", function () { li.classList.remove("nad"); });
    li.addEventListener("drop", function (ev) {
      li.classList.remove("nad");
      if (!dragged || dragged === li) { return; }
      ev.preventDefault();
      var send = dragged.querySelector("form");
      [["akcja", "na-miejsce"], ["miejsce", li.getAttribute("data-zdjecie")]].forEach(function (pair) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = pair[0];
        input.value = pair[1];
        send.appendChild(input);
      });
      send.submit();
    });
  });
  var photoInput = document.getElementById("zdjecie-plik-wgrany");
  var zone = photoInput && photoInput.parentNode;
  if (zone) {
    zone.classList.add("upusc");
    zone.addEventListener("dragover", function (ev) {
      if (dragged) { return; }
      ev.preventDefault();
      zone.classList.add("nad");
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("nad"); });
    zone.addEventListener("drop", function (ev) {
      zone.classList.remove("nad");
      if (dragged || !ev.dataTransfer.files.length) { return; }
      ev.preventDefault();
      photoInput.files = ev.dataTransfer.files;
      var next = photoInput.files.length > 1 ? photoInput.form.querySelector("button[type=submit]") : document.getElementById("zdjecie-alt");
      if (next) { next.focus(); }
    });
  }
}());
