/**
 * Draws the dashboard's charts from the JSON in each canvas's data-spec attribute (the data tables
 * beside them already hold every figure: the page reads fine without JavaScript).
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js'

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip
)

/** Colours with enough contrast on white (WCAG 1.4.11), told apart by dashes too. */
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c']
const locale = document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR'

function format(value, percent) {
  return new Intl.NumberFormat(locale, {
    style: percent ? 'percent' : 'decimal',
    maximumFractionDigits: 1,
  }).format(value)
}

for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  const spec = JSON.parse(canvas.dataset.spec)
  new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((serie, index) => ({
        label: serie.label,
        data: serie.values,
        borderColor: COLOURS[index % COLOURS.length],
        backgroundColor: COLOURS[index % COLOURS.length],
        borderDash: serie.dashed ? [6, 4] : [],
        pointRadius: spec.type === 'line' ? 0 : undefined,
        spanGaps: false,
        borderWidth: 2,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: spec.series.length > 1 },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label} : ${format(item.raw, spec.percent)}`,
          },
        },
      },
      scales: {
        y: {
          beginAtZero: true,
          stacked: spec.stacked,
          ticks: { callback: (value) => format(value, spec.percent) },
          ...(spec.percent ? { max: 1 } : {}),
        },
        x: { stacked: spec.stacked },
      },
    },
  })
}

for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
