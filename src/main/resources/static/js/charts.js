// Draws every element with data-chart (an ECharts option as JSON) once ECharts has loaded, and again
// after htmx swaps new content in. Pages build the option server-side so the figures equal the table's.
(function () {
  function draw(root) {
    if (!window.echarts) return;
    (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.chartDrawn) return;
      var chart = echarts.init(el);
      chart.setOption(JSON.parse(el.dataset.chart));
      el.dataset.chartDrawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSwap', function (e) { draw(e.target); });
})();
