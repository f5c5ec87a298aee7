/*
 * Taalcoach search: Dutch search over the index generator/search/index.py writes.
 *
 * Two parts in one file:
 *  - the engine (query analysis, scoring) — plain functions, also run by node in
 *    tests/benchmarks/eval_search.py, so the measured numbers are of this very code;
 *  - the dialog: Material's search look (md-search classes), built here because Material's
 *    own search plugin is switched off (its worker would download the whole index on every
 *    first page view).
 *
 * Nothing is loaded until the visitor focuses the search box. Index files are scripts that
 * call taalcoachSearch.receive(), so search also works from file:// (the offline copy), where
 * browsers refuse fetch() and workers. Text processing mirrors generator/search/text.py.
 */
(function (root) {
  "use strict";

  // ---- Dutch text processing (keep equal to generator/search/text.py) -------------------
  var WORD = /[a-z0-9]+(?:-[a-z0-9]+)*/g;
  var APOSTROPHE_S = /([a-z])['\u2019]s\b/g;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }

  /* Folded words in order; hyphenated words give their parts (the query joins parts back). */
  function words(text, joinHyphens) {
    var folded = fold(text).replace(APOSTROPHE_S, "$1");
    var found = [];
    (folded.match(WORD) || []).forEach(function (w) {
      var parts = w.split("-");
      Array.prototype.push.apply(found, parts);
      if (joinHyphens && parts.length > 1) found.push(parts.join(""));
    });
    return found;
  }

  function makeStem(snowball) {
    var cache = new Map();
    return function stem(word) {
      if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
      var hit = cache.get(word);
      if (hit !== undefined) return hit;
      var w = word;
      if (w.endsWith("ieen")) w = w.slice(0, -2);
      else if (w.endsWith("ies") && w.length > 5) w = w.slice(0, -1);
      var result = snowball(w);
      cache.set(word, result);
      return result;
    };
  }

  /* Index terms of a text, exactly as the Python side makes them (used by the parity test). */
  function terms(text, stem, stopWords) {
    return words(text, true).filter(function (w) {
      return !stopWords.has(w) && (w.length > 1 || /^\d$/.test(w));
    }).map(stem);
  }

  /* True when a and b differ by at most one insertion, deletion, substitution or swap. */
  function oneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* All strings one deletion, swap, substitution or insertion (a–z) away from w. */
  function oneEditVariants(w) {
    var out = [], abc = "abcdefghijklmnopqrstuvwxyz", i, c;
    for (i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
    for (i = 0; i < w.length - 1; i++) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    for (i = 0; i <= w.length; i++) {
      for (c = 0; c < abc.length; c++) {
        out.push(w.slice(0, i) + abc[c] + w.slice(i));
        if (i < w.length && abc[c] !== w[i]) out.push(w.slice(0, i) + abc[c] + w.slice(i + 1));
      }
    }
    return out;
  }

  // How much each kind of match counts; an exact or stemmed hit always beats the others.
  var WEIGHT = { exact: 1, synonym: 0.8, prefix: 0.7, compound: 0.45, typo: 0.35, split: 0.5 };
  var MAX_EXPANSIONS = 40;
  var TITLE_BONUS = 0.6;
  var EXACT_TITLE_BONUS = 1.5;

  // ---- the engine -------------------------------------------------------------------------
  function Engine(loadData, loadStemmer) {
    this.loadData = loadData;       // name → Promise of the data in that index file
    this.loadStemmer = loadStemmer; // () → Promise of a function stemming one folded word
    this.shards = {};
    this.docBlocks = {};
  }

  Engine.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = Promise.all([this.loadData("manifest"), this.loadStemmer()]).then(function (got) {
        var m = got[0];
        self.manifest = m;
        self.stem = makeStem(got[1]);
        self.termIndex = new Map(m.terms.map(function (t, i) { return [t, i]; }));
        self.stopWords = new Set(m.stopWords);
        self.synonyms = new Map();
        m.synonyms.forEach(function (group) {
          group.forEach(function (entry) {
            if (entry.indexOf(" ") < 0) {
              var others = self.synonyms.get(entry) || [];
              group.forEach(function (o) { if (o !== entry) others.push(o.split(" ")); });
              self.synonyms.set(entry, others);
            }
          });
        });
        return self;
      });
    }
    return this._ready;
  };

  Engine.prototype.has = function (term) { return this.termIndex.has(term); };

  /* Each query word → alternatives {terms, weight, how}; all terms of one alternative must
     occur in a page (a split compound, a multi-word synonym). */
  Engine.prototype.analyse = function (query, typing) {
    var self = this, terms = this.manifest.terms;
    var raw = words(query, false);
    var complete = !typing || /[\s\-.,;:!?]$/.test(query);
    var list = raw.map(function (w, i) {
      return { word: w, last: i === raw.length - 1 && !complete };
    }).filter(function (q) { return !self.stopWords.has(q.word); });
    // Two words that are one word in the index: 'taal cafe' → taalcafe, 'z route' → zroute.
    var joined = [];
    for (var i = 0; i < list.length; i++) {
      var next = list[i + 1];
      if (next && this.has(this.stem(list[i].word + next.word))) {
        joined.push({ word: list[i].word + next.word, last: next.last });
        i++;
      } else joined.push(list[i]);
    }
    // One letter on its own is noise (the index has no such words); a single digit is not.
    joined = joined.filter(function (q) { return q.word.length > 1 || /^\d$/.test(q.word); });
    if (!joined.length) return [];
    return joined.map(function (q) {
      var w = q.word, s = self.stem(w), alts = [], seen = new Set();
      function add(termList, weight, how) {
        var key = termList.join(" ");
        if (seen.has(key) || !termList.every(function (t) { return self.has(t); })) return;
        seen.add(key);
        alts.push({ terms: termList, weight: weight, how: how });
      }
      add([s], WEIGHT.exact, "exact");
      if (w !== s) add([w], WEIGHT.exact, "exact");
      (self.synonyms.get(s) || []).forEach(function (t) { add(t, WEIGHT.synonym, "synonym"); });
      if (/\d/.test(w)) return { word: w, alts: alts };  // numbers match exactly: 1 is not 12
      var expanded = 0;
      function scan(test, weight, how) {
        for (var k = 0; k < terms.length && expanded < MAX_EXPANSIONS; k++) {
          if (test(terms[k])) { var before = alts.length; add([terms[k]], weight, how); expanded += alts.length - before; }
        }
      }
      if (q.last && w.length >= 3) {
        scan(function (t) { return t.length > s.length && (t.startsWith(w) || t.startsWith(s)); }, WEIGHT.prefix, "prefix");
      }
      if (w.length >= 4 && s.length >= 3) {  // the word inside a compound: allergie → voedselallergie
        scan(function (t) {
          return t.length >= s.length + 3 && (t.endsWith(s) || t.startsWith(s) || t.startsWith(w) ||
                                              (s.length >= 6 && t.indexOf(s) > 0));
        }, WEIGHT.compound, "compound");
      }
      var direct = alts.some(function (a) { return a.how === "exact" || a.how === "synonym"; });
      if (!direct && w.length >= 6) {  // an ending the stemmer does not know: lijstjes → lijst
        for (var cut = 1; cut <= 4 && w.length - cut >= 5; cut++) add([w.slice(0, -cut)], WEIGHT.compound, "ending");
      }
      if (!direct && w.length >= 5) {  // one typo, only for words that are not in the index
        // Every one-edit variant of the typed word, stemmed (robust to what the stemmer does
        // to the typo: inburgeraaar → inburgeraar → inburgerar), then stems one edit apart.
        oneEditVariants(w).forEach(function (v) {
          var vs = self.stem(v);
          if (vs.length >= 4) add([vs], WEIGHT.typo, "typo");
        });
        var bare = self.stem(w.replace(/e$/, ""));  // vacatrue → vacatru, one swap from vacatur
        scan(function (t) { return t.length >= 4 && (oneEdit(s, t) || oneEdit(w, t) || oneEdit(bare, t)); }, WEIGHT.typo, "typo");
      }
      if (!alts.length && s.length >= 7) {  // an unknown compound of two known words
        for (var cut = 3; cut <= w.length - 3; cut++) {
          var head = w.slice(0, cut), tail = self.stem(w.slice(cut));
          [head, head.replace(/(s|e|en)$/, "")].forEach(function (h) {
            if (h.length >= 3) add([self.stem(h), tail], WEIGHT.split, "split");
            if (h.length >= 3) add([h, tail], WEIGHT.split, "split");
          });
        }
      }
      return { word: w, alts: alts };
    });
  };

  Engine.prototype.shardOf = function (term) {
    var starts = this.manifest.shardStarts, index = this.termIndex.get(term), lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  Engine.prototype.postings = function (term) {
    var shard = this.shardOf(term);
    var rows = this.shards[shard], row = rows[this.termIndex.get(term) - this.manifest.shardStarts[shard]];
    var result = new Map(), doc = 0;
    for (var i = 0; i < row.length; i += 2) { doc += row[i]; result.set(doc, row[i + 1]); }
    return result;
  };

  Engine.prototype.loadShards = function (units) {
    var self = this, needed = new Set();
    units.forEach(function (u) { u.alts.forEach(function (a) { a.terms.forEach(function (t) { needed.add(self.shardOf(t)); }); }); });
    return Promise.all(Array.from(needed).filter(function (n) { return !self.shards[n]; }).map(function (n) {
      return self.loadData("t" + n).then(function (rows) { self.shards[n] = rows; });
    }));
  };

  Engine.prototype.loadDocs = function (numbers) {
    var self = this, per = this.manifest.pagesPerFile, blocks = new Set();
    numbers.forEach(function (n) { blocks.add(Math.floor(n / per)); });
    return Promise.all(Array.from(blocks).filter(function (b) { return !self.docBlocks[b]; }).map(function (b) {
      return self.loadData("d" + b).then(function (rows) { self.docBlocks[b] = rows; });
    }));
  };

  /* Ranked results: [{url, title, section, excerpt, score, terms}], best first. */
  Engine.prototype.search = function (query, options) {
    var self = this, opts = options || {}, limit = opts.limit || 10;
    return this.ready().then(function () {
      var units = self.analyse(query, !!opts.typing);
      if (!units.length) return { results: [], units: units };
      return self.loadShards(units).then(function () {
        var total = new Map(), matched = new Map(), inTitle = new Map(), titleSize = new Map(), used = new Set();
        units.forEach(function (u) {
          var best = new Map(), title = new Set();
          u.alts.forEach(function (a) {
            var lists = a.terms.map(function (t) { return self.postings(t); });
            lists[0].forEach(function (first, doc) {
              var low = first >> 3, titled = (first & 7) > 0;
              for (var j = 1; j < lists.length; j++) {
                var other = lists[j].get(doc);
                if (!other) return;
                low = Math.min(low, other >> 3);
                titled = titled && (other & 7) > 0;
              }
              var value = low * a.weight;
              if (value > (best.get(doc) || 0)) best.set(doc, value);
              if (titled) { title.add(doc); titleSize.set(doc, first & 7); }
              a.terms.forEach(function (t) { used.add(t); });
            });
          });
          best.forEach(function (value, doc) {
            total.set(doc, (total.get(doc) || 0) + value);
            matched.set(doc, (matched.get(doc) || 0) + 1);
          });
          title.forEach(function (doc) { inTitle.set(doc, (inTitle.get(doc) || 0) + 1); });
        });
        var ranked = Array.from(total.keys()).map(function (doc) {
          // Pages with all the words first; a title holding the words lifts a page further.
          var share = matched.get(doc) / units.length, inT = inTitle.get(doc) || 0;
          var titled = inT / units.length, covered = inT ? Math.min(1, inT / titleSize.get(doc)) : 0;
          var exact = titled === 1 && covered === 1 ? EXACT_TITLE_BONUS : 1;  // the title is the query
          return { doc: doc, score: total.get(doc) * share * share * (1 + TITLE_BONUS * (titled + covered)) * exact };
        }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; }).slice(0, limit);
        return self.loadDocs(ranked.map(function (r) { return r.doc; })).then(function () {
          var per = self.manifest.pagesPerFile;
          return {
            units: units,
            terms: used,
            results: ranked.map(function (r) {
              var row = self.docBlocks[Math.floor(r.doc / per)][r.doc % per];
              return { url: row[0], title: row[1], section: row[2], excerpt: row[3], score: r.score };
            })
          };
        });
      });
    });
  };

  /* Split text into [text, isMatch] pieces: a word is a match when its stem was searched for. */
  Engine.prototype.highlight = function (text, used) {
    var self = this, pieces = [], last = 0, re = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu, m;
    while ((m = re.exec(text))) {
      var hit = words(m[0], true).some(function (w) { return used.has(self.stem(w)) || used.has(w); });
      if (!hit) continue;
      if (m.index > last) pieces.push([text.slice(last, m.index), false]);
      pieces.push([m[0], true]);
      last = m.index + m[0].length;
    }
    if (last < text.length) pieces.push([text.slice(last), false]);
    return pieces;
  };

  var api = { Engine: Engine, fold: fold, words: words, makeStem: makeStem, terms: terms, oneEdit: oneEdit };

  if (typeof module === "object" && module.exports) {  // node: the evaluation and parity tests
    module.exports = api;
    return;
  }

  // ---- the browser: load index files as scripts, build the dialog -----------------------
  var config = root.taalcoachSearchConfig;
  if (!config || !root.document) return;
  var doc = root.document;
  var script = doc.currentScript;
  var waiting = {};
  root.taalcoachSearch = {
    receive: function (name, data) { if (waiting[name]) waiting[name].resolve(data); }
  };

  function siteRoot() {
    var el = doc.getElementById("__config");
    try { if (el) return new URL(JSON.parse(el.textContent).base + "/", root.location.href).href; } catch (e) { /* fall back */ }
    return new URL("../../../", script.src).href;  // this file is assets/taalcoach/search/search.js
  }
  var base = siteRoot();
  var folder = new URL("assets/taalcoach/search/", base).href;

  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = doc.createElement("script");
      tag.src = src;
      tag.async = true;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("could not load " + src)); };
      doc.head.appendChild(tag);
    });
  }

  function loadData(name) {
    if (!waiting[name]) {
      var file = name === "manifest" ? config.manifest : engine.manifest[name[0] === "t" ? "shardFiles" : "docFiles"][+name.slice(1)];
      var entry = {};
      entry.promise = new Promise(function (resolve, reject) { entry.resolve = resolve; entry.reject = reject; });
      waiting[name] = entry;
      addScript(folder + file).catch(function (e) { delete waiting[name]; entry.reject(e); });
    }
    return waiting[name].promise;
  }

  function loadStemmer() {
    // lunr-languages registers its stemmer on a `lunr` object; only the stemmer is used.
    var previous = root.lunr;
    root.lunr = {
      Pipeline: { registerFunction: function () {} },
      generateStopWordFilter: function () { return function () {}; }
    };
    return addScript(folder + "vendor/lunr.stemmer.support.js")
      .then(function () { return addScript(folder + "vendor/lunr.nl.js"); })
      .then(function () {
        var stemmer = root.lunr.nl.stemmer;
        if (previous) root.lunr = previous;
        return function (w) { return stemmer(w); };
      });
  }

  var engine = new Engine(loadData, loadStemmer);
  var L = config.labels;
  var ICON = {
    search: "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.34l.27.28h.79l5 5-1.5 1.5-5-5v-.79l-.28-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z",
    back: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11h12Z",
    close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41Z"
  };

  function el(tag, attrs, children) {
    var node = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? doc.createTextNode(c) : c); });
    return node;
  }
  function icon(path) {
    var svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var p = doc.createElementNS("http://www.w3.org/2000/svg", "path");
    p.setAttribute("d", path);
    svg.appendChild(p);
    return svg;
  }

  function mount() {
    var toggle = doc.getElementById("__search");
    var header = doc.querySelector(".md-header__inner");
    if (!toggle || !header || doc.querySelector("[data-tc-search]")) return;
    var input = el("input", {
      type: "text", "class": "md-search__input", name: "query", "aria-label": L.search,
      placeholder: L.search, autocapitalize: "off", autocorrect: "off", autocomplete: "off",
      spellcheck: "false", required: "", role: "combobox", "aria-expanded": "false",
      "aria-controls": "tc-search-results", "aria-autocomplete": "list"
    });
    var reset = el("button", { type: "reset", "class": "md-search__icon md-icon", title: L.search_clear, "aria-label": L.search_clear, tabindex: "-1" }, [icon(ICON.close)]);
    var form = el("form", { "class": "md-search__form", name: "search" }, [
      input,
      el("label", { "class": "md-search__icon md-icon", "for": "__search", title: L.search_close }, [icon(ICON.search), icon(ICON.back)]),
      el("nav", { "class": "md-search__options", "aria-label": L.search }, [reset])
    ]);
    var meta = el("div", { "class": "md-search-result__meta", "aria-live": "polite" }, [L.search_hint]);
    var list = el("ol", { "class": "md-search-result__list", id: "tc-search-results", "aria-label": L.search_results });
    var dialog = el("div", { "class": "md-search", "data-tc-search": "", role: "dialog", "aria-label": L.search }, [
      el("label", { "class": "md-search__overlay", "for": "__search" }),
      el("div", { "class": "md-search__inner", role: "search" }, [
        form,
        el("div", { "class": "md-search__output" }, [
          el("div", { "class": "md-search__scrollwrap", "data-md-scrollfix": "" }, [
            el("div", { "class": "md-search-result" }, [meta, list])
          ])
        ])
      ])
    ]);
    var button = el("label", { "class": "md-header__button md-icon", "for": "__search", title: L.search }, [icon(ICON.search)]);
    var before = header.querySelector(".md-header__source");
    header.insertBefore(button, before);
    header.insertBefore(dialog, before);

    var sequence = 0;
    function open() {
      if (!toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
    }
    function close() {
      if (toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
      input.blur();
    }
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    function marked(text, used) {
      var frag = doc.createDocumentFragment();
      engine.highlight(text, used).forEach(function (piece) {
        frag.appendChild(piece[1] ? el("mark", {}, [piece[0]]) : doc.createTextNode(piece[0]));
      });
      return frag;
    }
    function href(url) {
      var target = new URL(url, base);
      if (target.protocol === "file:" && target.pathname.endsWith("/")) target.pathname += "index.html";
      return target.href;
    }
    function show(found) {
      list.textContent = "";
      var n = found.results.length;
      meta.textContent = n === 0 ? L.search_none : n === 1 ? L.search_one : L.search_other.replace("{n}", n);
      found.results.forEach(function (r) {
        var h = el("h1", {}, []), p = el("p", {}, []);
        h.appendChild(marked(r.title, found.terms));
        p.appendChild(marked(r.excerpt, found.terms));
        var article = el("article", { "class": "md-search-result__article md-typeset" }, [
          el("div", { "class": "md-search-result__icon md-icon" }),
          el("p", { "class": "tc-search-section" }, [r.section ? L.search_section + ": " + r.section : ""]),
          h, p
        ]);
        list.appendChild(el("li", { "class": "md-search-result__item" }, [
          el("a", { href: href(r.url), "class": "md-search-result__link" }, [article])]));
      });
      input.setAttribute("aria-expanded", n ? "true" : "false");
    }
    function run() {
      var query = input.value, mine = ++sequence;
      if (!query.trim()) { list.textContent = ""; meta.textContent = L.search_hint; return; }
      engine.search(query, { typing: true, limit: 10 }).then(function (found) {
        if (mine === sequence) show(found);
      }, function () {
        if (mine === sequence) meta.textContent = L.search_failed;
      });
    }
    input.addEventListener("focus", function () {
      open();
      if (!engine.manifest) { meta.textContent = L.search_loading; engine.ready().then(function () { if (!input.value) meta.textContent = L.search_hint; run(); }); }
    });
    input.addEventListener("input", run);
    toggle.addEventListener("change", function () { if (toggle.checked && doc.activeElement !== input) input.focus(); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = links()[0];
      if (first) root.location.href = first.href;
    });
    form.addEventListener("reset", function () { setTimeout(function () { run(); input.focus(); }, 0); });
    dialog.addEventListener("keydown", function (e) {
      var all = links(), at = all.indexOf(doc.activeElement);
      if (e.key === "Escape") { e.preventDefault(); close(); }
      else if (e.key === "ArrowDown" && all.length) { e.preventDefault(); all[Math.min(at + 1, all.length - 1)].focus(); }
      else if (e.key === "ArrowUp" && at >= 0) { e.preventDefault(); (at === 0 ? input : all[at - 1]).focus(); }
    });
    doc.addEventListener("keydown", function (e) {
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "/" || e.key === "s" || e.key === "f") { e.preventDefault(); open(); input.focus(); }
    });
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", mount);
  else mount();
  // Material's instant navigation swaps the page body; mount again on the new header.
  if (root.document$ && root.document$.subscribe) root.document$.subscribe(function () { mount(); });
})(typeof window !== "undefined" ? window : globalThis);
