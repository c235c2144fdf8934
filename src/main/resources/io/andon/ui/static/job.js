// The Job page's grid: arrow keys move between cells (Home/End to a row's ends), Enter opens one.
(function () {
  "use strict";
  var grid = document.getElementById("grid");
  if (!grid) {
    return;
  }
  grid.addEventListener("keydown", function (e) {
    var cell = e.target.closest("td, th");
    if (!cell) {
      return;
    }
    var row = cell.parentElement;
    var col = Array.prototype.indexOf.call(row.children, cell);
    var target = null;
    if (e.key === "ArrowRight") {
      target = row.children[col + 1];
    } else if (e.key === "ArrowLeft") {
      target = row.children[col - 1];
    } else if (e.key === "ArrowDown" && row.nextElementSibling) {
      target = row.nextElementSibling.children[col];
    } else if (e.key === "ArrowUp" && row.previousElementSibling) {
      target = row.previousElementSibling.children[col];
    } else if (e.key === "Home") {
      target = row.children[2];
    } else if (e.key === "End") {
      target = row.lastElementChild;
    }
    var focusable = target && target.querySelector("a, span.c");
    if (focusable) {
      if (!focusable.hasAttribute("href")) {
        focusable.tabIndex = -1;
      }
      focusable.focus();
      e.preventDefault();
    }
  });
})();
