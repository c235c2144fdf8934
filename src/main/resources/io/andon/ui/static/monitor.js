// The monitor page: draws each canvas's data (a data-chart or data-histogram attribute) with
// Chart.js. Threshold lines are a dashed series; missing windows are gaps; the y axis starts at 0
// unless a value lies below it (a flat line of zeros is drawn at the bottom, not mid-chart).
(function () {
  "use strict";
  if (!window.Chart) {
    return;
  }
  var css = getComputedStyle(document.documentElement);
  function color(name) { return css.getPropertyValue(name).trim(); }
  var palette = [color("--primary"), color("--retry"), color("--critical"), color("--success")];
  Chart.defaults.color = color("--muted");
  Chart.defaults.borderColor = color("--line");
  Chart.defaults.animation = false;

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var data = JSON.parse(canvas.dataset.chart);
    var sets = data.series.map(function (s, i) {
      return {
        label: s.label, data: s.values, borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length], spanGaps: false, pointRadius: 3,
        pointStyle: i === 0 ? "circle" : "rectRot"
      };
    });
    if (data.threshold !== undefined) {
      sets.push({
        label: "threshold " + data.threshold, data: data.labels.map(function () { return data.threshold; }),
        borderColor: color("--failed"), borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5
      });
    }
    new Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: sets },
      options: {
        responsive: true, maintainAspectRatio: false,
        // distances, shares and quality metrics start at 0; an average below 0 still shows
        scales: { y: { suggestedMin: 0 } },
        plugins: { legend: { position: "bottom" } }
      }
    });
    canvas.dataset.drawn = "true";
  });

  document.querySelectorAll("canvas[data-histogram]").forEach(function (canvas) {
    var data = JSON.parse(canvas.dataset.histogram);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "baseline", data: data.baseline, backgroundColor: color("--pending") },
          { label: "latest window", data: data.current, backgroundColor: color("--primary") }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false,
        scales: { y: { title: { display: true, text: "share of rows" } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
    canvas.dataset.drawn = "true";
  });
})();
