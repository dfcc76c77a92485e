/* The search page: loads the static index written by the build, piece by piece.
   Words are folded, filtered and stemmed with the rules the index carries (index.json), so the
   browser matches exactly as the build indexed. No request leaves the site. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-search-index]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var base = form.getAttribute("data-search-index").replace(/index\.json$/, "");
  var plural = new Intl.PluralRules(form.getAttribute("data-lang") || "pl");
  var PAGE = 10;

  var manifest = null;
  var files = {};
  var results = [];
  var shown = 0;
  var query = null;
  var timer = null;

  /* A file of the index, fetched once; a failed fetch is forgotten so that it can be retried.
     index.json is checked with the server each time the page loads; the other files carry
     its build hash in their address, so a cache never mixes two builds. */
  function load(name) {
    if (!files[name]) {
      var request = name === "index.json"
        ? fetch(base + name, { cache: "no-cache" })
        : fetch(base + name + "?v=" + encodeURIComponent(manifest.build));
      files[name] = request.then(function (r) {
        if (!r.ok) { throw new Error(name + ": " + r.status); }
        return r.json();
      }).catch(function (error) {
        delete files[name];
        throw error;
      });
    }
    return files[name];
  }

  function text(key, values) {
    var t = form.getAttribute("data-" + key) || "";
    Object.keys(values || {}).forEach(function (k) { t = t.split("{" + k + "}").join(values[k]); });
    return t;
  }

  /* The same steps as src/search.rs: fold, drop stop words and single letters, stem. */
  /* Apostrophes are part of a word (Ukrainian "сім'я") and removed when it is folded. */
  function apostrophes() { return manifest.apostrophes || ""; }
  function fold(word) {
    var out = "";
    Array.from(word.toLowerCase()).forEach(function (c) {
      if (apostrophes().indexOf(c) < 0) { out += manifest.folds[c] || c; }
    });
    return out;
  }
  function wordPattern() {
    return "[\\p{Alphabetic}\\p{N}" + apostrophes().replace(/[\\\]\[^-]/g, "\\$&") + "]+";
  }
  function words(s) {
    return (s.match(new RegExp(wordPattern(), "gu")) || []).map(fold).filter(Boolean);
  }
  /* The file of a shard: as src/publish/search.rs names it (other letters than a-z and
     digits by their code points). */
  function shardFile(key) {
    if (/^[a-z0-9]+$/.test(key)) { return key; }
    return Array.from(key).map(function (c) { return "_" + c.codePointAt(0).toString(16); }).join("");
  }
  function stem(word) {
    var letters = Array.from(word).length;
    for (var i = 0; i < manifest.endings.length; i++) {
      var e = manifest.endings[i];
      if (word.endsWith(e) && letters - e.length >= manifest.min_stem) {
        return word.slice(0, word.length - e.length);
      }
    }
    return word;
  }

  /* The words of a query: each with its stem; the last also matches as a prefix while typing. */
  function parse(q) {
    var ws = words(q).filter(function (w) {
      return Array.from(w).length > 1 && manifest.stop_words.indexOf(w) < 0;
    });
    var typing = !/\s$/.test(q);
    return ws.map(function (w, i) {
      return { word: w, stem: stem(w), prefix: typing && i === ws.length - 1 };
    });
  }

  /* Shards that may hold a word: the longest key the word starts with, and for a prefix
     also every longer key that starts with the prefix. */
  function shardsFor(token) {
    var found = [];
    var best = "";
    manifest.shards.forEach(function (key) {
      if ((token.stem.indexOf(key) === 0 || token.word.indexOf(key) === 0) && key.length > best.length) { best = key; }
      if (token.prefix && key.indexOf(token.word) === 0 && key.length > token.word.length) { found.push(key); }
    });
    if (best) { found.push(best); }
    return found;
  }

  function matches(token, term) {
    if (term === token.stem) { return true; }
    if (!token.prefix) { return false; }
    if (term.indexOf(token.word) === 0) { return true; }
    /* Typing "warsztatach" reaches "warsztatac": a stem followed by the start of an ending. */
    var rest = token.word.slice(term.length);
    return token.word.indexOf(term) === 0 && Array.from(term).length >= manifest.min_stem &&
      manifest.endings.some(function (e) { return e.indexOf(rest) === 0; });
  }

  /* Documents of one token: number → score (3 for a title or label, else 1). */
  function documents(token) {
    return Promise.all(shardsFor(token).map(function (key) {
      return load("t-" + shardFile(key) + ".json");
    })).then(function (shards) {
      var docs = new Map();
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (!matches(token, term)) { return; }
          var doc = 0;
          shard[term].forEach(function (n) {
            doc += n >> 1;
            var score = (n & 1) ? 3 : 1;
            docs.set(doc, Math.max(docs.get(doc) || 0, score));
          });
        });
      });
      return docs;
    });
  }

  function search(q) {
    var tokens = parse(q);
    if (!tokens.length) { return Promise.resolve(null); }
    return Promise.all(tokens.map(documents)).then(function (perToken) {
      var scores = new Map();
      perToken[0].forEach(function (score, doc) { scores.set(doc, score); });
      perToken.slice(1).forEach(function (docs) {
        scores.forEach(function (score, doc) {
          if (docs.has(doc)) { scores.set(doc, score + docs.get(doc)); } else { scores.delete(doc); }
        });
      });
      var found = Array.from(scores.entries());
      found.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return { tokens: tokens, docs: found.map(function (e) { return e[0]; }) };
    });
  }

  /* Text with the query's words marked. */
  function highlight(parent, s, tokens) {
    s.split(new RegExp("(" + wordPattern() + ")", "u")).forEach(function (part, i) {
      if (i % 2 === 1) {
        var w = fold(part);
        var hit = tokens.some(function (t) { return stem(w) === t.stem || (t.prefix && w.indexOf(t.word) === 0); });
        if (hit) {
          var mark = document.createElement("mark");
          mark.textContent = part;
          parent.appendChild(mark);
          return;
        }
      }
      parent.appendChild(document.createTextNode(part));
    });
  }

  function item(doc, tokens) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h = document.createElement("h2");
    h.className = "search-result__title";
    var a = document.createElement("a");
    a.href = doc.u;
    if (doc.l) { a.lang = doc.l; }
    highlight(a, doc.t, tokens);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "search-result__meta";
    meta.appendChild(document.createTextNode(doc.k));
    if (doc.i) {
      meta.appendChild(document.createTextNode(" · "));
      var time = document.createElement("time");
      time.dateTime = doc.i;
      time.textContent = doc.d;
      meta.appendChild(time);
    }
    if (doc.p) { meta.appendChild(document.createTextNode(" · " + text("project") + ": " + doc.p)); }
    li.appendChild(meta);
    if (doc.x) {
      var p = document.createElement("p");
      if (doc.l) { p.lang = doc.l; }
      highlight(p, doc.x, tokens);
      li.appendChild(p);
    }
    return li;
  }

  /* Adds the next PAGE results; resolves to the first new item, or null when the query
     changed while they loaded (they belong to no list any more). */
  function showMore(tokens) {
    var asked = query;
    var next = results.slice(shown, shown + PAGE);
    var chunk = manifest.docs_per_chunk;
    return Promise.all(next.map(function (n) {
      return load("d-" + Math.floor(n / chunk) + ".json").then(function (docs) { return docs[n % chunk]; });
    })).then(function (docs) {
      if (asked !== query) { return null; }
      var first = null;
      docs.forEach(function (doc) {
        var li = item(doc, tokens);
        first = first || li;
        list.appendChild(li);
      });
      shown += docs.length;
      more.hidden = shown >= results.length;
      return first;
    });
  }

  function run(q) {
    q = q.slice(0, 200);
    if (q === query) { return; }
    query = q;
    var url = new URL(window.location.href);
    if (q.trim()) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url);
    if (!q.trim()) {
      status.textContent = "";
      list.textContent = "";
      more.hidden = true;
      return;
    }
    var quoted = q.trim();
    manifestReady().then(function () { return search(q); }).then(function (found) {
      if (q !== query) { return; }
      list.textContent = "";
      results = found ? found.docs : [];
      shown = 0;
      more.hidden = true;
      if (!found) {
        status.textContent = text("short");
        return;
      }
      if (!results.length) {
        status.textContent = text("none", { q: quoted });
        return;
      }
      return showMore(found.tokens).then(function () {
        if (q !== query) { return; }
        status.textContent = text(plural.select(results.length) === "one" ? "one" :
          plural.select(results.length) === "few" ? "few" : "many", { n: results.length, q: quoted });
      });
    }).catch(function () {
      status.textContent = text("error");
      query = null; /* the same query may be tried again */
    });
  }

  function manifestReady() {
    return load("index.json").then(function (m) { manifest = m; return m; });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  var loadingMore = false;
  more.addEventListener("click", function () {
    if (loadingMore) { return; } /* a second click before the first batch came */
    loadingMore = true;
    showMore(parse(query)).then(function (first) {
      /* Keep keyboard users in place: focus the first new result's link. */
      var link = first && first.querySelector("a");
      if (link) { link.focus(); }
    }).catch(function () {
      status.textContent = text("error");
    }).then(function () { loadingMore = false; });
  });

  var initial = new URL(window.location.href).searchParams.get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
