// Dashboard chart: answers per section, from data attributes on the canvas.
(function () {
  'use strict';
  function numbers(text) {
    return text ? text.split(',').map(Number) : [];
  }
  function draw() {
    var canvas = document.getElementById('section-chart');
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var d = canvas.dataset;
    window.mamoriChart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.labels ? d.labels.split('|') : [],
        datasets: [
          { label: d.labelYes, data: numbers(d.yes), backgroundColor: '#2e7d32' },
          { label: d.labelNo, data: numbers(d.no), backgroundColor: '#c62828' },
          { label: d.labelOpen, data: numbers(d.open), backgroundColor: '#9e9e9e' }
        ]
      },
      options: {
        animation: false,
        responsive: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
