(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var PAGE_SIZE = 100;
  var labels = {}, shortLabels = {};
  data.provenance.forEach(function (p) { labels[p.key] = p.label; shortLabels[p.key] = p.shortLabel; });
  function ancestorName(row) { return row[4] ? data.ancestors[row[4]] : ""; }
  // Row: [node, column (null for the node's own description), description, provenance, ancestor, file, line,
  //       the AI mark the text carries at the ancestor, the text with its doc() references rendered]
  function thereLabel(row) {
    return row[7] ? "AI-written there, " + (row[7] === "ai-reviewed" ? "reviewed" : "awaiting review") : "";
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }
  /** The text with a <wbr> after each _ and / so a name or path wraps there and never inside a word. */
  function breakable(text) {
    var f = document.createDocumentFragment();
    String(text).split(/(?<=[_\/])/).forEach(function (part, i) {
      if (i > 0) { f.appendChild(document.createElement("wbr")); }
      f.appendChild(document.createTextNode(part));
    });
    return f;
  }
  function cell(attrs, text) {
    var td = el("td", attrs);
    td.appendChild(breakable(text));
    return td;
  }
  function pct(part, whole) { return whole === 0 ? "100.0" : (Math.round(1000 * part / whole) / 10).toFixed(1); }
  function num(n) { return Number(n).toLocaleString("en-US"); }

  // --- warnings and totals -------------------------------------------------------------------------------------
  data.warnings.forEach(function (w) { document.getElementById("warnings").appendChild(el("li", {}, w)); });
  var t = data.totals;
  function card(id, title, part, whole) {
    var c = el("div", { "class": "card", id: id });
    c.appendChild(el("div", { "class": "detail" }, title));
    c.appendChild(el("div", { "class": "value" }, pct(part, whole) + "%"));
    var d = el("div", { "class": "detail" });
    d.appendChild(el("span", { "class": "part" }, part));
    d.appendChild(document.createTextNode(" of "));
    d.appendChild(el("span", { "class": "whole" }, whole));
    d.appendChild(document.createTextNode(" documented"));
    c.appendChild(d);
    return c;
  }
  var cards = document.getElementById("totals");
  cards.appendChild(card("total-nodes", "Node descriptions", t.documentedNodes, t.nodes));
  cards.appendChild(card("total-columns", "Columns", t.documentedColumns, t.columns));
  cards.appendChild(card("total-overall", "Overall (nodes and columns)", t.documentedNodes + t.documentedColumns,
      t.nodes + t.columns));
  var awaitingNodes = data.nodesByProvenance["ai-awaiting"];
  cards.appendChild(card("total-awaiting", "AI-written, awaiting review",
      data.columnsByProvenance["ai-awaiting"] + awaitingNodes, t.documentedColumns + t.documentedNodes));
  document.querySelector("#total-awaiting .detail:last-child").lastChild.textContent =
      " documented descriptions (" + awaitingNodes + " of them node descriptions)";

  // --- table state -----------------------------------------------------------------------------------------------
  var state = { search: "", kind: "", provenance: "", folder: "", sort: null, dir: 1, page: 0 };
  var filtered = data.rows;
  var haystack = null;

  function nodeOf(row) { return data.nodes[row[0]]; }
  function sortValue(row, key) {
    switch (key) {
      case "node": return nodeOf(row).name;
      case "column": return row[1] || "";
      case "description": return row[8] || row[2];
      case "provenance": return labels[row[3]];
      case "ancestor": return ancestorName(row);
      default: return row[5] + ":" + String(row[6]).padStart(7, "0");
    }
  }
  function applyFilters() {
    if (haystack === null) {
      haystack = data.rows.map(function (r) {
        return [nodeOf(r).name, nodeOf(r).id, r[1] || "", r[2], r[8] || "", r[4] || "", ancestorName(r),
          labels[r[3]], thereLabel(r), r[5]].join("\n").toLowerCase();
      });
    }
    var q = state.search.trim().toLowerCase();
    var out = [];
    for (var i = 0; i < data.rows.length; i++) {
      var r = data.rows[i];
      if (state.kind && (r[1] === null) !== (state.kind === "node")) { continue; }
      if (state.provenance && r[3] !== state.provenance) { continue; }
      if (state.folder && nodeOf(r).folder !== state.folder) { continue; }
      if (q && haystack[i].indexOf(q) < 0) { continue; }
      out.push(r);
    }
    if (state.sort) {
      var key = state.sort, dir = state.dir;
      out.sort(function (a, b) { return dir * sortValue(a, key).localeCompare(sortValue(b, key)); });
    }
    filtered = out;
    state.page = 0;
    render();
  }
  function pages() { return Math.max(1, Math.ceil(filtered.length / PAGE_SIZE)); }
  function render() {
    var body = document.querySelector("#columns tbody");
    var rows = document.createDocumentFragment();
    var start = state.page * PAGE_SIZE;
    filtered.slice(start, start + PAGE_SIZE).forEach(function (r) {
      var node = nodeOf(r);
      var tr = el("tr", { "data-provenance": r[3], "data-kind": r[1] === null ? "node" : "column" });
      tr.appendChild(cell({ "class": "name", title: node.id }, node.name));
      tr.appendChild(r[1] === null ? el("td", { "class": "node-description" }, node.type + " description")
          : cell({ "class": "name" }, r[1]));
      tr.appendChild(description(r));
      var p = el("td", { "class": "provenance" });
      var there = thereLabel(r);
      p.appendChild(el("span", { "class": "tag p-" + r[3], title: labels[r[3]] }, shortLabels[r[3]]));
      if (there) {
        p.appendChild(el("span", { "class": "tag there p-" + r[7],
          title: "inherited from " + ancestorName(r) + ", " + there }, there));
      }
      tr.appendChild(p);
      tr.appendChild(cell(r[4] ? { "class": "name", title: r[4] } : { "class": "name" }, ancestorName(r)));
      tr.appendChild(cell({ "class": "file" }, r[6] > 0 ? r[5] + ":" + r[6] : r[5]));
      rows.appendChild(tr);
    });
    body.replaceChildren(rows);
    var count = document.getElementById("row-count");
    count.setAttribute("data-count", filtered.length);
    count.textContent = num(filtered.length) + " of " + num(data.rows.length) + " descriptions";
    document.getElementById("page-info").textContent = filtered.length === 0 ? "no rows" :
        "rows " + num(start + 1) + "\u2013" + num(Math.min(start + PAGE_SIZE, filtered.length)) +
        ", page " + (state.page + 1) + " of " + pages();
    document.getElementById("prev-page").disabled = document.getElementById("first-page").disabled = state.page === 0;
    document.getElementById("next-page").disabled = document.getElementById("last-page").disabled =
        state.page >= pages() - 1;
    document.querySelectorAll(".legend button").forEach(function (b) {
      b.classList.toggle("active", b.getAttribute("data-provenance") === state.provenance);
    });
  }
  /** The text as dbt shows it, a doc() reference rendered with the reference beside it (and on hover). */
  function description(r) {
    if (!r[2]) { return el("td", { "class": "text empty" }, "(none)"); }
    if (!r[8]) { return el("td", { "class": "text" }, r[2]); }
    var td = el("td", { "class": "text rendered", title: r[2] }, r[8]);
    td.appendChild(el("code", { "class": "doc-ref" }, r[2]));
    return td;
  }
  function goTo(page) { state.page = Math.min(Math.max(0, page), pages() - 1); render(); }

  // --- controls --------------------------------------------------------------------------------------------------
  var provenanceSelect = document.getElementById("filter-provenance");
  var legend = document.getElementById("legend");
  data.provenance.forEach(function (p) {
    provenanceSelect.appendChild(el("option", { value: p.key }, labels[p.key]));
    var b = el("button", { type: "button", "data-provenance": p.key, id: "legend-" + p.key });
    b.appendChild(el("span", { "class": "swatch p-" + p.key }));
    b.appendChild(document.createTextNode(p.label + ": "));
    // node and column descriptions alike: the number of rows a click on this entry lists
    b.appendChild(el("span", { "class": "count" }, data.columnsByProvenance[p.key] + data.nodesByProvenance[p.key]));
    b.addEventListener("click", function () { setProvenance(state.provenance === p.key ? "" : p.key); });
    legend.appendChild(b);
  });
  function setProvenance(key) { provenanceSelect.value = key; state.provenance = key; applyFilters(); }
  function setFolder(folder) {
    folderSelect.value = folder; state.folder = folder; applyFilters();
    document.getElementById("columns-title").scrollIntoView();
  }
  var kindSelect = document.getElementById("filter-kind");
  kindSelect.addEventListener("change", function () { state.kind = kindSelect.value; applyFilters(); });
  provenanceSelect.addEventListener("change", function () { state.provenance = provenanceSelect.value; applyFilters(); });
  var folderSelect = document.getElementById("filter-folder");
  data.folders.forEach(function (f) { folderSelect.appendChild(el("option", { value: f.folder }, f.folder)); });
  folderSelect.addEventListener("change", function () { state.folder = folderSelect.value; applyFilters(); });
  var timer = null;
  document.getElementById("search").addEventListener("input", function (e) {
    clearTimeout(timer);
    timer = setTimeout(function () { state.search = e.target.value; applyFilters(); }, 120);
  });
  document.querySelectorAll("#columns th").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.getAttribute("data-sort");
      state.dir = state.sort === key ? -state.dir : 1;
      state.sort = key;
      document.querySelectorAll("#columns th").forEach(function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      applyFilters();
    });
  });
  document.getElementById("first-page").addEventListener("click", function () { goTo(0); });
  document.getElementById("prev-page").addEventListener("click", function () { goTo(state.page - 1); });
  document.getElementById("next-page").addEventListener("click", function () { goTo(state.page + 1); });
  document.getElementById("last-page").addEventListener("click", function () { goTo(pages() - 1); });

  // --- folder chart: one bar per folder, split by provenance, as shares of the folder's columns -------------------
  (function folderChart() {
    var box = document.getElementById("folder-chart");
    document.getElementById("folder-count").textContent = num(data.folders.length) + " folder" +
        (data.folders.length === 1 ? "" : "s") + (data.folders.length > 12 ? "; the list scrolls." : ".");
    data.folders.forEach(function (f) {
      var total = f.tally.columns;
      var row = el("div", { "class": "folder-row", "data-folder": f.folder, role: "button", tabindex: "0" });
      var name = el("span", { "class": "folder-name" });
      name.appendChild(breakable(f.folder));
      row.appendChild(name);
      var bar = el("span", { "class": "folder-bar", role: "img",
        "aria-label": f.folder + ": " + total + " columns by provenance" });
      data.provenance.forEach(function (p) {
        var n = f.columns[p.key];
        if (!n) { return; }
        var part = el("span", { "class": "p-" + p.key, title: f.folder + ": " + n + " " + p.label });
        part.style.width = (100 * n / total) + "%";
        bar.appendChild(part);
      });
      row.appendChild(bar);
      row.appendChild(el("span", { "class": "folder-pct" }, total === 0 ? "no columns"
          : pct(f.tally.documentedColumns, total) + "% of " + num(total)));
      row.addEventListener("click", function () { setFolder(f.folder); });
      row.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); setFolder(f.folder); }
      });
      box.appendChild(row);
    });
  })();

  // --- LLM usage: calls and cost per run, stacked by model --------------------------------------------------------
  (function usage() {
    var box = document.getElementById("usage");
    if (data.usage.length === 0) {
      box.appendChild(el("p", { "class": "muted", id: "no-usage" },
          "The run ledger records no LLM call about this project's nodes."));
      return;
    }
    var runs = [], byRun = {}, models = [];
    data.usage.forEach(function (u) {
      if (!byRun[u.run]) { byRun[u.run] = []; runs.push(u.run); }
      byRun[u.run].push(u);
      if (models.indexOf(u.model) < 0) { models.push(u.model); }
    });
    var palette = ["#0b5cad", "#f59e0b", "#26a69a", "#7e57c2", "#ef5350", "#8d6e63", "#66bb6a", "#ec407a"];
    function color(model) { return palette[models.indexOf(model) % palette.length]; }
    function chart(title, value, format) {
      var h = 160, left = 70, col = Math.max(18, Math.min(60, 900 / runs.length)), width = left + runs.length * col + 20;
      var max = 0;
      runs.forEach(function (r) { max = Math.max(max, byRun[r].reduce(function (s, u) { return s + value(u); }, 0)); });
      var s = svg("svg", { width: width, height: h + 40, role: "img", "aria-label": title });
      s.appendChild(svg("text", { x: 0, y: 12 }, title));
      s.appendChild(svg("text", { x: left - 6, y: 26, "text-anchor": "end" }, format(max)));
      s.appendChild(svg("line", { x1: left, y1: h + 20, x2: width - 10, y2: h + 20, stroke: "#d8dee4" }));
      runs.forEach(function (r, i) {
        var y = h + 20;
        byRun[r].forEach(function (u) {
          var bh = max === 0 ? 0 : h * value(u) / max;
          y -= bh;
          var rect = svg("rect", { x: left + i * col + 2, y: y, width: col - 4, height: bh, fill: color(u.model) });
          rect.appendChild(svg("title", {}, u.start.slice(0, 16).replace("T", " ") + " " + u.model + ": " +
              format(value(u))));
          s.appendChild(rect);
        });
      });
      s.appendChild(svg("text", { x: left, y: h + 36 }, runs.length + " run" + (runs.length === 1 ? "" : "s") +
          ", oldest first"));
      return s;
    }
    var keys = el("div", { "class": "legend" });
    models.forEach(function (m) {
      var k = el("span");
      var sw = el("span", { "class": "swatch" });
      sw.style.background = color(m);
      k.appendChild(sw);
      k.appendChild(document.createTextNode(m));
      keys.appendChild(k);
    });
    box.appendChild(keys);
    box.appendChild(chart("Calls per run", function (u) { return u.calls; }, num));
    box.appendChild(chart("Cost per run (USD)", function (u) { return u.costUsd; },
        function (v) { return "$" + v.toFixed(4); }));
    var table = el("table", { "class": "usage-table", id: "usage-table" });
    var head = el("tr");
    ["Started (UTC)", "Run", "Model", "Calls", "Failed", "Cache hits", "Input tokens", "Output tokens", "Cost (USD)"]
        .forEach(function (h, i) { head.appendChild(el("th", i >= 3 ? { "class": "num" } : {}, h)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    data.usage.forEach(function (u) {
      var tr = el("tr");
      [u.start.slice(0, 19).replace("T", " "), u.run, u.provider + " " + u.model].forEach(function (v) {
        tr.appendChild(el("td", {}, v));
      });
      [num(u.calls), num(u.failed), num(u.cacheHits), num(u.inputTokens), num(u.outputTokens),
        "$" + u.costUsd.toFixed(4) + (u.unpriced ? " (+" + u.unpriced + " unpriced)" : "")].forEach(function (v) {
        tr.appendChild(el("td", { "class": "num" }, v));
      });
      body.appendChild(tr);
    });
    box.appendChild(table);
  })();

  applyFilters();
})();
