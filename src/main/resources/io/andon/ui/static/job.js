// The Job page's grid: its rows are drawn in one pass from the compact JSON the page carries
// (see GridJson), each task with a chart of its durations; arrow keys move between cells
// (Home/End to a row's ends), Enter opens one.
(function () {
  "use strict";
  var grid = document.getElementById("grid");
  if (!grid) {
    return;
  }
  var data = JSON.parse(document.getElementById("grid-data").textContent);
  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return ESC[c];
    });
  }
  function two(n) {
    return n < 10 ? "0" + n : "" + n;
  }
  // As RunText.duration: 850 ms, 3.2 s, 4 min 05 s, 2 h 03 min.
  function duration(ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60000) {
      var tenths = Math.floor((ms + 50) / 100);
      return Math.floor(tenths / 10) + "." + (tenths % 10) + " s";
    }
    var s = Math.floor(ms / 1000);
    if (s < 3600) {
      return Math.floor(s / 60) + " min " + two(s % 60) + " s";
    }
    return Math.floor(s / 3600) + " h " + two(Math.floor((s % 3600) / 60)) + " min";
  }
  // The durations as a polyline in a 100 x 20 box, and in words for screen readers.
  function spark(ms) {
    var max = 0, min = Infinity, n = 0, i;
    for (i = 0; i < ms.length; i++) {
      if (ms[i] > 0) {
        max = Math.max(max, ms[i]);
        min = Math.min(min, ms[i]);
        n++;
      }
    }
    var label = n === 0 ? "no durations" : "durations of " + n + " run" + (n === 1 ? "" : "s") +
      ": " + duration(min) + (n > 1 ? " to " + duration(max) : "");
    var points = [];
    if (n > 1) {
      var step = ms.length > 1 ? 100 / (ms.length - 1) : 0;
      for (i = 0; i < ms.length; i++) {
        if (ms[i] > 0) {
          points.push((i * step).toFixed(1) + "," + (19 - 18 * ms[i] / max).toFixed(1));
        }
      }
    }
    return '<svg class="spark" viewBox="0 0 100 20" role="img" aria-label="' + label +
      '"><title>' + label + "</title>" +
      (points.length ? '<polyline points="' + points.join(" ") + '"/>' : "") + "</svg>";
  }
  var runs = data.runs;
  var marks = data.marks;
  var html = [];
  data.rows.forEach(function (row) {
    var task = esc(row[0]), cells = row[1], ms = row[2], tries = {};
    var href = "/tasks/" + esc(encodeURIComponent(row[0]));
    row[3].forEach(function (t) {
      tries[t[0]] = t[1];
    });
    html.push('<tr><th scope="row">', task, "</th><td>", spark(ms), "</td>");
    for (var i = 0; i < runs.length; i++) {
      var m = cells.charCodeAt(i) - 97;
      if (m < 0) {
        html.push('<td><span class="c state-none" title="', task, " was not in run ", runs[i],
          '">·</span></td>');
        continue;
      }
      var mark = marks[m];
      var title = task + " in run " + runs[i] + ": " + esc(mark[2]) +
        (ms[i] > 0 ? ", " + duration(ms[i]) : "") +
        (tries[i] ? ", " + tries[i] + " attempts" : "");
      html.push('<td><a class="c state-', mark[0], '" href="/runs/', runs[i], href, '" title="',
        title, '">', mark[1], "</a></td>");
    }
    html.push("</tr>");
  });
  grid.tBodies[0].innerHTML = html.join("");
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
