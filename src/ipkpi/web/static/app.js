// Small enhancements; every page works without them (forms fall back to the server).
(function () {
  "use strict";
  var body = document.body;
  var isStatic = body.getAttribute("data-mode") === "static";

  // The data-date selector: go to the chosen vintage's own address (works on static hosts).
  var asOf = document.querySelector("form.as-of");
  if (asOf) {
    asOf.addEventListener("submit", function (event) {
      var select = asOf.querySelector("select");
      var option = select && select.options[select.selectedIndex];
      if (option && option.getAttribute("data-href")) {
        event.preventDefault();
        window.location.href = option.getAttribute("data-href");
      }
    });
  }

  function fold(text) {
    return (text || "").normalize("NFKC").toLowerCase();
  }

  // Progress filters on the static site: hide the rows that do not match.
  var filters = document.getElementById("filters");
  if (filters && isStatic) {
    var apply = function (event) {
      if (event) { event.preventDefault(); }
      var want = {};
      ["part", "kind", "tone"].forEach(function (name) {
        want[name] = filters.querySelector("[name=" + name + "]").value;
      });
      var shown = 0;
      document.querySelectorAll("table.kpis tbody tr[data-part]").forEach(function (row) {
        var ok = ["part", "kind", "tone"].every(function (name) {
          return !want[name] || row.getAttribute("data-" + name) === want[name];
        });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      var count = document.querySelector("#shown-count .count");
      if (count) { count.textContent = String(shown); }
    };
    filters.addEventListener("submit", apply);
  }

  // Search on the static site: the same index and folding as the server.
  var form = document.getElementById("search-form");
  if (form && isStatic) {
    var run = function (event) {
      if (event) { event.preventDefault(); }
      var index = window.IPKPI_SEARCH || [];
      var words = fold(form.querySelector("input[name=q]").value).split(/\s+/).filter(Boolean);
      var list = document.getElementById("results");
      list.textContent = "";
      if (!words.length) { return; }
      var order = { kpi: 0, section: 1, part: 2, measure: 3 };
      var found = index.filter(function (e) {
        return words.every(function (w) { return e.text.indexOf(w) !== -1; });
      }).sort(function (a, b) { return order[a.type] - order[b.type]; }).slice(0, 200);
      found.forEach(function (e) {
        var item = document.createElement("li");
        var kind = document.createElement("span");
        kind.className = "result-type";
        kind.textContent = e.type_label;
        var link = document.createElement("a");
        link.href = e.href;
        link.textContent = e.title;
        item.appendChild(kind);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(link);
        if (e.status_label) {
          var facts = document.createElement("span");
          facts.className = "result-facts";
          var badge = document.createElement("span");
          badge.className = "badge tone-" + e.tone;
          badge.textContent = e.status_label;
          facts.appendChild(badge);
          facts.appendChild(document.createTextNode(" " + (e.latest || "—")));
          item.appendChild(facts);
        }
        if (e.snippet) {
          var snippet = document.createElement("span");
          snippet.className = "snippet";
          snippet.textContent = e.snippet;
          item.appendChild(snippet);
        }
        list.appendChild(item);
      });
      var counter = document.getElementById("result-count");
      counter.textContent = (counter.getAttribute("data-format") || "{n}").replace("{n}", String(found.length));
    };
    form.addEventListener("submit", run);
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) {
      form.querySelector("input[name=q]").value = params.get("q");
      window.addEventListener("load", function () { run(null); });
    }
  }

  // The data import form: say at once when a file is over its size limit (the server
  // refuses it too, with a 413 page).
  var upload = document.getElementById("import-form");
  if (upload) {
    var input = upload.querySelector("input[type=file]");
    var error = document.getElementById("import-file-error");
    var tooLarge = function () {
      var file = input.files && input.files[0];
      if (!file) { return ""; }
      var xlsx = /\.xls[xm]$/i.test(file.name);
      var limit = Number(upload.getAttribute(xlsx ? "data-max-xlsx" : "data-max-csv"));
      var text = upload.getAttribute(xlsx ? "data-max-xlsx-text" : "data-max-csv-text");
      return file.size > limit ? upload.getAttribute("data-too-large").replace("{limit}", text) : "";
    };
    var check = function () {
      var message = tooLarge();
      error.textContent = message;
      error.hidden = !message;
      input.setAttribute("aria-invalid", message ? "true" : "false");
      return !message;
    };
    input.addEventListener("change", check);
    upload.addEventListener("submit", function (event) {
      if (!check()) { event.preventDefault(); input.focus(); }
    });
  }
})();
