#!/usr/bin/env node
/*
 * Runs the portal's own search script (generator/search/assets/search.js, as built into a
 * site) in node, on the index files of that site: the numbers of the evaluation and the
 * tests are those of the code the browser runs.
 *
 *   node run_search.js SITE_DIR < request.json > answer.json
 *   request: {"queries": ["de huisarts", …], "limit": 10}  → {"results": [[url, …], …]}
 *   request: {"stem": ["fietsen", …]}                      → {"stems": ["fiets", …]}
 *   request: {"terms": ["Het taalcafé", …]}                → {"terms": [["taalcaf"], …]}
 *   request: {"firstSearch": ["huisarts", …]}              → {"loaded": [[file, …], …]}
 *     (the index files a visitor's first search downloads, each query in a fresh page)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const folder = path.join(process.argv[2], "assets", "taalcoach", "search");
const search = require(path.resolve(folder, "search.js"));

// The vendored lunr-languages files register the stemmer on a lunr object, as in the browser.
const lunr = {
  Pipeline: { registerFunction() {} },
  generateStopWordFilter() { return function () {}; },
};
require(path.resolve(folder, "vendor/lunr.stemmer.support.js"))(lunr);
require(path.resolve(folder, "vendor/lunr.nl.js"))(lunr);
const snowball = (w) => lunr.nl.stemmer(w);

// Index files are scripts calling taalcoachSearch.receive(name, data), as in the browser.
const config = {};
vm.runInNewContext(fs.readFileSync(path.join(folder, "config.js"), "utf8"), { window: config });
let manifest = null;
let loaded = [];
function loadData(name) {
  const file = name === "manifest" ? config.taalcoachSearchConfig.manifest
    : manifest[name[0] === "t" ? "shardFiles" : "docFiles"][Number(name.slice(1))];
  let received;
  loaded.push(file);
  vm.runInNewContext(fs.readFileSync(path.join(folder, file), "utf8"),
    { taalcoachSearch: { receive(n, data) { received = data; } } });
  if (name === "manifest") manifest = received;
  return Promise.resolve(received);
}

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const engine = new search.Engine(loadData, () => Promise.resolve(snowball));
  await engine.ready();
  const answer = {};
  if (request.queries) {
    answer.results = [];
    for (const q of request.queries) {
      const found = await engine.search(q, { limit: request.limit || 10 });
      answer.results.push(found.results.map((r) => r.url));
    }
  }
  if (request.firstSearch) {
    answer.loaded = [];
    for (const q of request.firstSearch) {
      loaded = [];
      const fresh = new search.Engine(loadData, () => Promise.resolve(snowball));
      await fresh.search(q, { typing: true, limit: 10 });
      answer.loaded.push(loaded);
    }
  }
  if (request.stem) answer.stems = request.stem.map((w) => engine.stem(w));
  if (request.terms) answer.terms = request.terms.map((t) => search.terms(t, engine.stem, engine.stopWords));
  process.stdout.write(JSON.stringify(answer));
}
main().catch((e) => { console.error(e); process.exit(1); });
