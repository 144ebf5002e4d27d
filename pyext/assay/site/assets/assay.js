// Search across relations, columns and descriptions, and filter tables as you type.
// Every page works without this script. Nothing here builds HTML from strings: project text
// only ever reaches the page through textContent and attribute setters.
"use strict";
(function () {
  const here = document.currentScript && document.currentScript.src;
  const root = here ? here.replace(/assets\/assay\.js(\?.*)?$/, "") : "";

  const loaded = {};
  const waiting = {};
  const store = { meta: null, terms: {}, docs: {} };

  // Each index file is a script calling one of these.
  window.assaySearch = {
    meta(data) { store.meta = data; settle("meta"); },
    terms(key, data) { store.terms[key] = data; settle("t:" + key); },
    docs(number, data) { store.docs[number] = data; settle("d:" + number); },
  };

  function settle(name) { (waiting[name] || []).forEach((done) => done()); delete waiting[name]; }

  function load(name, file) {
    if (!loaded[name]) {
      loaded[name] = new Promise((resolve, reject) => {
        (waiting[name] = waiting[name] || []).push(resolve);
        const script = document.createElement("script");
        script.src = root + "search/" + file;
        script.onerror = () => reject(new Error("cannot load " + file));
        document.head.appendChild(script);
      });
    }
    return loaded[name];
  }

  function shardFile(key) {
    return "t-" + Array.from(key).map((c) => c.codePointAt(0).toString(16)).join("-") + ".js";
  }

  function words(text) {
    return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)*/gu) || []).filter((w) => w.length >= 2);
  }

  // Document ids (with the name/text bit) of every term starting with `word`.
  async function lookup(word) {
    const keys = store.meta.shards.filter((k) => word.startsWith(k) || k.startsWith(word));
    await Promise.all(keys.map((k) => load("t:" + k, shardFile(k))));
    const hits = new Map();
    for (const key of keys) {
      const terms = store.terms[key];
      for (const term in terms) {
        if (!term.startsWith(word)) continue;
        const exact = term === word ? 2 : 0;
        for (const code of terms[term]) {
          const id = code >> 1;
          const score = (code & 1 ? 1 : 4) + exact;
          if ((hits.get(id) || 0) < score) hits.set(id, score);
        }
      }
    }
    return hits;
  }

  async function search(query) {
    const list = words(query);
    if (!list.length) return null;
    await load("meta", "meta.js");
    let scores = null;
    for (const word of list) {
      const hits = await lookup(word);
      if (scores === null) { scores = hits; continue; }
      const both = new Map();
      for (const [id, score] of scores) if (hits.has(id)) both.set(id, score + hits.get(id));
      scores = both;
    }
    const ranked = Array.from(scores).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = ranked.slice(0, 50).map(([id]) => id);
    const chunk = store.meta.chunk;
    await Promise.all(Array.from(new Set(top.map((id) => Math.floor(id / chunk)))).map((n) => load("d:" + n, "d" + n + ".js")));
    return { total: ranked.length, docs: top.map((id) => store.docs[Math.floor(id / chunk)][id % chunk]) };
  }

  function show(box, result, query) {
    box.replaceChildren();
    if (!result) return;
    const summary = document.createElement("p");
    summary.className = "muted";
    summary.textContent = result.total === 0 ? "No match for “" + query + "”."
      : result.total + " match" + (result.total === 1 ? "" : "es") + (result.total > result.docs.length ? ", best " + result.docs.length + " shown" : "") + ".";
    box.appendChild(summary);
    const list = document.createElement("ol");
    list.className = "results";
    for (const [label, kind, url, hint] of result.docs) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = root + url;  // always a page of this site: the index writer made it
      link.textContent = label;
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = kind;
      item.append(link, " ", badge);
      if (hint) {
        const text = document.createElement("div");
        text.className = "muted small";
        text.textContent = hint;
        item.appendChild(text);
      }
      list.appendChild(item);
    }
    box.appendChild(list);
  }

  function setUpSearch() {
    const input = document.getElementById("search");
    const box = document.getElementById("search-results");
    if (!input || !box) return;
    input.hidden = false;
    let latest = 0;
    let timer = null;
    const run = () => {
      const query = input.value.trim();
      const ticket = ++latest;
      search(query).then((result) => { if (ticket === latest) show(box, result, query); })
        .catch((error) => { box.textContent = "Search is unavailable: " + error.message; });
    };
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 120); });
    if (input.value) run();
  }

  function setUpFilters() {
    for (const input of document.querySelectorAll("input[data-filter]")) {
      const rows = Array.from(document.querySelectorAll("#" + input.dataset.filter + " tbody tr"));
      input.hidden = false;
      input.addEventListener("input", () => {
        const query = input.value.trim().toLowerCase();
        for (const row of rows) row.hidden = query !== "" && !row.textContent.toLowerCase().includes(query);
      });
    }
  }

  document.addEventListener("DOMContentLoaded", () => { setUpSearch(); setUpFilters(); });
})();
