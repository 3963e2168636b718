// Draws each chart from the Vega-Lite spec embedded in the page (no network access).
(function () {
  "use strict";
  function draw() {
    var holders = document.querySelectorAll(".chart[data-spec]");
    holders.forEach(function (holder) {
      var source = document.getElementById(holder.getAttribute("data-spec"));
      if (!source || typeof window.vegaEmbed !== "function") { return; }
      var spec = JSON.parse(source.textContent);
      window.vegaEmbed(holder, spec, { renderer: "svg", actions: false })
        .then(function () {
          var svg = holder.querySelector("svg");
          if (svg) {
            svg.setAttribute("role", "img");
            svg.setAttribute("aria-label", spec.description || "");
            svg.setAttribute("focusable", "false");
          }
        })
        .catch(function (error) {
          holder.textContent = String(error);
        });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
