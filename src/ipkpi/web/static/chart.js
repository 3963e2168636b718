// Draws each chart from the Vega-Lite spec embedded in the page (no network access), then adds
// a switch per series (the KPI's and its peers') and buttons that save the chart as PNG or SVG,
// both made in the browser, so they work on the static site and from file:// too.
(function () {
  "use strict";
  var SHOWN = "shown_series";

  function seriesNames(spec) {
    var param = (spec.params || []).filter(function (p) { return p.name === SHOWN; })[0];
    return param ? param.value.slice() : [];
  }

  function addToggles(holder, view, names) {
    if (names.length < 2) { return; }
    var box = document.createElement("fieldset");
    box.className = "chart-toggles";
    var legend = document.createElement("legend");
    legend.textContent = holder.getAttribute("data-toggle-label") || "";
    box.appendChild(legend);
    names.forEach(function (name, i) {
      var id = holder.id + "-series-" + i;
      var input = document.createElement("input");
      input.type = "checkbox"; input.id = id; input.checked = true; input.value = name;
      var label = document.createElement("label");
      label.htmlFor = id; label.textContent = name;
      var item = document.createElement("span");
      item.className = "chart-toggle";
      item.appendChild(input); item.appendChild(label);
      box.appendChild(item);
      input.addEventListener("change", function () {
        var shown = Array.prototype.filter.call(box.querySelectorAll("input"), function (x) {
          return x.checked;
        }).map(function (x) { return x.value; });
        view.signal(SHOWN, shown).runAsync();
      });
    });
    holder.parentNode.insertBefore(box, holder.nextSibling);
  }

  function addSave(holder, view) {
    var bar = document.createElement("p");
    bar.className = "chart-save";
    var label = document.createElement("span");
    label.textContent = (holder.getAttribute("data-save-label") || "") + ": ";
    bar.appendChild(label);
    var name = holder.getAttribute("data-name") || "chart";
    ["png", "svg"].forEach(function (type) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "save-" + type;
      button.textContent = type.toUpperCase();
      button.addEventListener("click", function () {
        view.toImageURL(type, type === "png" ? 2 : 1).then(function (url) {
          var link = document.createElement("a");
          link.href = url; link.download = name + "." + type;
          document.body.appendChild(link); link.click(); link.remove();
        });
      });
      bar.appendChild(button);
      bar.appendChild(document.createTextNode(" "));
    });
    holder.parentNode.insertBefore(bar, holder.nextSibling);
  }

  function draw() {
    var holders = document.querySelectorAll(".chart[data-spec]");
    holders.forEach(function (holder) {
      var source = document.getElementById(holder.getAttribute("data-spec"));
      if (!source || typeof window.vegaEmbed !== "function") { return; }
      var spec = JSON.parse(source.textContent);
      window.vegaEmbed(holder, spec, { renderer: "svg", actions: false })
        .then(function (result) {
          var svg = holder.querySelector("svg");
          if (svg) {
            svg.setAttribute("role", "img");
            svg.setAttribute("aria-label", spec.description || "");
            svg.setAttribute("focusable", "false");
          }
          if (!holder.hasAttribute("data-bare")) {
            addSave(holder, result.view);
            addToggles(holder, result.view, seriesNames(spec));
          }
        })
        .catch(function (error) {
          holder.textContent = String(error);
        });
    });
  }
  // The embed snippet names the embed view by its full address (the page knows only a relative one).
  function absoluteSnippet() {
    var code = document.getElementById("embed-code");
    if (!code) { return; }
    var href = new URL(code.getAttribute("data-href"), window.location.href).href;
    var title = code.getAttribute("data-title").replace(/"/g, "&quot;");
    code.value = '<iframe src="' + href + '" title="' + title +
      '" width="100%" height="560" style="border:0" loading="lazy"></iframe>';
  }
  absoluteSnippet();

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
