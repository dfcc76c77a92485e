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
      discard: "Odrzuć przywrócone zmiany", text: "tekst", address: "https://", cell: "komórka" },
    en: { bold: "Bold", italic: "Italic", h2: "Heading", h3: "Subheading", list: "List",
      numbered: "Numbered list", link: "Link", doc: "Link to a document", quote: "Quote", table: "Table",
      toolbar: "Text formatting", restored: "Unsaved changes from this browser were restored.",
      discard: "Discard restored changes", text: "text", address: "https://", cell: "cell" }
  }[lang];

  var summary = document.querySelector(".podsumowanie-bledow");
  if (summary) { summary.focus(); }

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
  form.addEventListener("input", function () {
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
      var file = input.files && input.files[0];
      var most = Number(up.getAttribute("data-najwiecej"));
      if (file && most && file.size > most) {
        showProblems(up, [{ pole: "plik-wgrany", blad: up.getAttribute("data-za-duzy") }]);
        return;
      }
      var query = new URLSearchParams();
      Array.prototype.forEach.call(up.elements, function (el) {
        if (!el.name || el.type === "file" || el.name === "csrf" || el.type === "submit") { return; }
        if (el.type === "checkbox") { if (el.checked) { query.set(el.name, "true"); } return; }
        query.set(el.name, el.value);
      });
      query.set("nazwa", file ? file.name : "");
      fetch(up.getAttribute("action") + "?" + query.toString(), {
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
      }).then(function (answer) {
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
        window.location.href = "/redakcja/edytuj?plik=" + encodeURIComponent(answer.plik) + "&zapisano=1";
      }).catch(function () {
        showProblems(up, [{ pole: "plik-wgrany", blad: up.getAttribute("data-problem") }]);
      });
    });
  });

  // Photos: dragged onto another to take its place (the buttons do the same without a script),
  // and files dropped onto the photo field as if chosen in it.
  var dragged = null;
  Array.prototype.forEach.call(document.querySelectorAll(".lista-zdjec .zdjecie"), function (li) {
    li.draggable = true;
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
      var alt = document.getElementById("zdjecie-alt");
      if (alt) { alt.focus(); }
    });
  }
}());
