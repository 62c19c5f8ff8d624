import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  effect,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import type { DashboardBucket } from '@jianbao/contracts';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  LinearScale,
  Tooltip,
} from 'chart.js';

// Only what a bar chart needs: chart.js tree-shakes the rest out of the dashboard's lazy chunk.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const BAR = '#b4232a';
const BAR_HOVER = '#7f1a1f';

/**
 * One bar chart of counts (Chart.js on a canvas). A click on a bar emits its bucket; the canvas is an
 * image with a label, and the same counts are listed as links beside it (keyboard and screen readers).
 * `data-bars` on the canvas holds each bar's centre in CSS pixels, for tests and tools that click a bar.
 */
@Component({
  selector: 'jb-bar-chart',
  template: `<div class="chart-box" [style.height.px]="height()">
    <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
  </div>`,
  styles: `
    .chart-box {
      position: relative;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChart {
  readonly buckets = input.required<readonly DashboardBucket[]>();
  /** What the chart shows (the canvas's accessible name). */
  readonly label = input.required<string>();
  /** Bars left to right (categories along the bottom) instead of top to bottom. */
  readonly vertical = input(false);
  readonly barClick = output<DashboardBucket>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'bar'> | null = null;

  protected readonly height = (): number =>
    this.vertical() ? 220 : Math.max(120, Math.min(this.buckets().length, 15) * 26 + 40);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
    effect(() => this.draw(this.buckets().slice(0, this.vertical() ? 400 : 15)));
  }

  private draw(buckets: readonly DashboardBucket[]): void {
    const canvas = this.canvas().nativeElement;
    this.chart?.destroy();
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: buckets.map((b) => b.label),
        datasets: [
          {
            data: buckets.map((b) => b.count),
            backgroundColor: BAR,
            hoverBackgroundColor: BAR_HOVER,
            maxBarThickness: 28,
          },
        ],
      },
      options: {
        indexAxis: this.vertical() ? 'x' : 'y',
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { enabled: true } },
        scales: {
          [this.vertical() ? 'y' : 'x']: { beginAtZero: true, ticks: { precision: 0 } },
        },
        onHover: (event, elements) => {
          const target = event.native?.target;
          if (target instanceof HTMLElement)
            target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        },
        onClick: (_event, elements) => {
          const hit = elements[0];
          const bucket = hit === undefined ? undefined : buckets[hit.index];
          if (bucket) this.barClick.emit(bucket);
        },
      },
    };
    this.chart = new Chart(canvas, config);
    const bars = this.chart.getDatasetMeta(0).data.map((el) => {
      const { x, y, base } = el.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
      // The middle of the bar: between its base and its end along the value axis.
      return this.vertical()
        ? [Math.round(x), Math.round((y + base) / 2)]
        : [Math.round((x + base) / 2), Math.round(y)];
    });
    canvas.dataset['bars'] = JSON.stringify(bars);
  }
}
