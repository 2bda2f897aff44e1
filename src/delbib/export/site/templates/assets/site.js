/* delbib site: copy buttons on category pages, search on the front page.
   Every page reads without this script; it only adds what needs one. */
(function () {
  "use strict";

  var copyStatus = document.getElementById("copy-status");

  function say(text) {
    if (copyStatus) copyStatus.textContent = text;
  }

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (e) {
      done = false;
    }
    document.body.removeChild(area);
    return done;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyWithSelection(text)) throw new Error("copy refused");
      });
    }
    return copyWithSelection(text) ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  Array.prototype.forEach.call(document.querySelectorAll("button.copy"), function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent;
      if (button.getAttribute("data-eol") === "crlf") text = text.replace(/\n/g, "\r\n");
      var label = button.firstChild.textContent.replace(/^Copy /, "");
      copy(text).then(
        function () {
          button.classList.add("copied");
          say(label + " copied to the clipboard.");
        },
        function () {
          selectText(source);
          say("Copying was refused: the " + label + " text is selected, press Ctrl+C to copy it.");
        }
      );
    });
  });

  var form = document.getElementById("search");
  var data = window.delbibSearch;
  if (!form || !data || !window.MiniSearch) return;

  var LIMIT = 50;
  var FIELDS = { key: 0, title: 1, authors: 2, venue: 3, year: 4, when: 5, tldr: 6, categories: 7, href: 8 };
  var papers = data.papers;
  var byKey = {};
  papers.forEach(function (p) { byKey[p[FIELDS.key]] = p; });
  var query = document.getElementById("q");
  var category = document.getElementById("filter-category");
  var year = document.getElementById("filter-year");
  var venue = document.getElementById("filter-venue");
  var status = document.getElementById("search-status");
  var results = document.getElementById("results");
  var engine = null;

  function index() {
    if (engine) return engine;
    engine = new window.MiniSearch({
      idField: "key",
      fields: ["title", "authors", "venue", "year", "tldr"],
      extractField: function (paper, field) { return String(paper[FIELDS[field]]); },
      searchOptions: {
        boost: { title: 3, authors: 2, venue: 2 },
        combineWith: "AND",
        prefix: true,
        fuzzy: function (term) { return term.length > 4 ? 0.2 : false; }
      }
    });
    engine.addAll(papers);
    if (window.performance && performance.mark) performance.mark("delbib-index-built");
    return engine;
  }

  function passes(paper) {
    if (category.value !== "") {
      var wanted = data.within[Number(category.value)];
      var cats = paper[FIELDS.categories];
      if (!cats.some(function (i) { return wanted.indexOf(i) >= 0; })) return false;
    }
    if (year.value !== "" && String(paper[FIELDS.year]) !== year.value) return false;
    if (venue.value !== "" && paper[FIELDS.venue] !== venue.value) return false;
    return true;
  }

  function item(paper) {
    var li = document.createElement("li");
    var title = document.createElement("a");
    title.href = paper[FIELDS.href];
    title.textContent = paper[FIELDS.title];
    title.className = "result-title";
    li.appendChild(title);
    var meta = [paper[FIELDS.authors], paper[FIELDS.when]].filter(Boolean).join(" · ");
    var cats = paper[FIELDS.categories].map(function (i) { return data.categories[i]; }).join(", ");
    [[meta, "meta"], [cats, "result-categories"], [paper[FIELDS.tldr], "tldr"]].forEach(function (part) {
      if (!part[0]) return;
      var p = document.createElement("p");
      p.className = part[1];
      p.textContent = part[0];
      li.appendChild(p);
    });
    return li;
  }

  function run() {
    var started = window.performance ? performance.now() : 0;
    var text = query.value.trim();
    var filtered = category.value !== "" || year.value !== "" || venue.value !== "";
    var found;
    if (text) {
      found = index().search(text, { filter: function (r) { return passes(byKey[r.id]); } })
        .map(function (r) { return byKey[r.id]; });
    } else if (filtered) {
      found = papers.filter(passes);
    } else {
      found = [];
    }
    var list = document.createDocumentFragment();
    found.slice(0, LIMIT).forEach(function (paper) { list.appendChild(item(paper)); });
    results.replaceChildren(list);
    if (!text && !filtered) {
      status.textContent = "";
    } else {
      var n = found.length;
      status.textContent = (n === 1 ? "1 paper found" : n + " papers found") +
        (n > LIMIT ? ", showing the first " + LIMIT + "." : ".");
    }
    form.setAttribute("data-results", String(found.length));
    if (window.performance && performance.measure) {
      performance.measure("delbib-search", { start: started, end: performance.now() });
    }
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  query.addEventListener("input", run);
  [category, year, venue].forEach(function (select) { select.addEventListener("change", run); });
  query.addEventListener("focus", index);
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) query.value = asked;
  window.addEventListener("load", function () {
    window.setTimeout(function () {
      index();
      if (query.value.trim()) run();
    }, 0);
  });
})();
