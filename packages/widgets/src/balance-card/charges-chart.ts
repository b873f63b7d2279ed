import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChargesSummary } from './charges-summary.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ChartPresentation {
  colors: string[];
  textColor: string;
  gridColor: string;
  fontFamily: string;
  rtl: boolean;
  animate: boolean;
  serviceLabel: (service: string) => string;
  dayLabel: (day: string) => string;
  money: (amount: number) => string;
}

/** Draws daily charges as bars stacked by service. Loaded only when a chart is shown. */
export function drawChargesChart(canvas: HTMLCanvasElement, summary: ChargesSummary, look: ChartPresentation): Chart<'bar'> {
  // Chart.js does not pass a chart-level font on to axes and tooltips: set it on each.
  const font = { family: look.fontFamily };
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: summary.days.map(look.dayLabel),
      datasets: summary.services.map((series, index) => ({
        label: look.serviceLabel(series.service),
        data: series.daily,
        backgroundColor: look.colors[index % look.colors.length],
        borderRadius: 2,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: look.animate ? { duration: 300 } : false,
      locale: undefined,
      scales: {
        x: { stacked: true, reverse: look.rtl, grid: { display: false }, ticks: { color: look.textColor, font, maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          stacked: true,
          position: look.rtl ? 'right' : 'left',
          grid: { color: look.gridColor },
          ticks: { color: look.textColor, font, callback: (value) => look.money(Number(value)) },
        },
      },
      plugins: {
        tooltip: {
          rtl: look.rtl,
          titleFont: font,
          bodyFont: font,
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${look.money(Number(item.raw))}` },
        },
      },
    },
  });
}
