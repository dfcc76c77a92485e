// tablica serve: reloads the page after each rebuild and shows build errors over it.
// Injected only by `tablica serve`, never into built sites.
(function () {
  "use strict";
  var polish = (document.documentElement.lang || "").indexOf("pl") === 0;
  var text = polish
    ? {
        title: "Nie udało się zbudować strony",
        intro: "Podgląd pokazuje ostatnią poprawną wersję. Popraw plik i zapisz go – ten komunikat zniknie sam.",
        close: "Zamknij",
        line: "wiersz",
        field: "pole",
        hint: "Co zrobić:"
      }
    : {
        title: "The site could not be built",
        intro: "The preview shows the last good version. Fix the file and save it; this message goes away by itself.",
        close: "Close",
        line: "line",
        field: "field",
        hint: "What to do:"
      };

  function element(name, className, content) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function stylesheet() {
    if (document.getElementById("tablica-live-css")) return;
    var link = document.createElement("link");
    link.id = "tablica-live-css";
    link.rel = "stylesheet";
    link.href = "/__tablica/live.css";
    document.head.appendChild(link);
  }

  function hide() {
    var old = document.getElementById("tablica-build-error");
    if (old) {
      if (old.open) old.close();
      old.remove();
    }
  }

  function show(status) {
    stylesheet();
    hide();
    var dialog = element("dialog", "tablica-build-error");
    dialog.id = "tablica-build-error";
    dialog.setAttribute("aria-labelledby", "tablica-build-error-title");
    var heading = element("h2", null, text.title);
    heading.id = "tablica-build-error-title";
    dialog.appendChild(heading);
    dialog.appendChild(element("p", null, text.intro));
    var list = element("ul");
    (status.problems || []).forEach(function (p) {
      var item = element("li", "tablica-build-error__" + p.severity);
      var where = p.file + (p.line ? " (" + text.line + " " + p.line + ")" : "");
      if (p.field) where += ", " + text.field + " " + p.field;
      item.appendChild(element("strong", null, where));
      item.appendChild(element("p", null, p.message));
      if (p.hint) item.appendChild(element("p", null, text.hint + " " + p.hint));
      list.appendChild(item);
    });
    if (!status.problems || status.problems.length === 0) {
      list.appendChild(element("li", null, status.error || ""));
    }
    dialog.appendChild(list);
    var close = element("button", null, text.close);
    close.type = "button";
    close.addEventListener("click", function () { dialog.close(); });
    dialog.appendChild(close);
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  // The build whose pages this page shows, from the server's Server-Timing header: a build
  // that finished before the event stream connected still reloads the page.
  function pageGeneration() {
    var nav = window.performance && performance.getEntriesByType
      ? performance.getEntriesByType("navigation")[0]
      : null;
    var entry = ((nav && nav.serverTiming) || []).filter(function (t) {
      return t.name === "tablica-build";
    })[0];
    return entry ? Number(entry.description) : null;
  }

  var seen = pageGeneration();
  var source = new EventSource("/__tablica/events");
  source.addEventListener("status", function (event) {
    var status = JSON.parse(event.data);
    if (status.ok) {
      if (seen === null) seen = status.generation;
      else if (status.generation > seen) window.location.reload();
      return;
    }
    seen = status.generation;
    if (status.generation > 0) show(status);
  });
})();
