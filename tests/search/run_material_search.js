#!/usr/bin/env node
/*
 * Runs Material for MkDocs' own search worker (lunr + lunr-languages, `lang: nl`) in node on a
 * site built with Material's search plugin: the "stock lunr-nl" column of eval_search.py.
 * The worker file, its importScripts() and its messages are the browser's; only the worker
 * global scope is imitated.
 *
 *   node run_material_search.js SITE_DIR < {"queries": [...], "limit": 10} > {"results": [[url, …], …]}
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2];
const workers = path.join(site, "assets", "javascripts", "workers");
const workerFile = fs.readdirSync(workers).find((f) => /^search\..*\.min\.js$/.test(f));
let listener = null;
let answer = null;
const context = {
  console, setTimeout, clearTimeout, TextEncoder, TextDecoder, URL,
  addEventListener(type, fn) { if (type === "message") listener = fn; },
  postMessage(message) { answer = message; },
  importScripts(...urls) {
    for (const url of urls) vm.runInContext(fs.readFileSync(path.resolve(workers, url), "utf8"), context);
  },
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(workers, workerFile), "utf8"), context);

async function send(message) {
  answer = null;
  await listener({ data: message });
  for (let i = 0; i < 1000 && answer === null; i++) await new Promise((r) => setTimeout(r, 1));
  return answer;
}

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  // As Material's client sends it (bundle.js: {config, docs, options: {suggest}}).
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } });
  const results = [];
  for (const q of request.queries) {
    const reply = await send({ type: 2, data: q });
    const urls = [];
    for (const group of reply.data.items) {
      const url = group[0].location.split("#")[0];
      if (!urls.includes(url)) urls.push(url);
    }
    results.push(urls.slice(0, request.limit || 10));
  }
  process.stdout.write(JSON.stringify({ results }));
}
main().catch((e) => { console.error(e); process.exit(1); });
