// Charts of the dashboard, drawn by uPlot on a canvas (CSP-safe: it styles through the CSSOM only).
// A canvas says nothing to a screen reader, so every chart is hidden from it and followed by a table
// with the same numbers, which is the chart's accessible form.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { messages as m } from './messages.ts';

const ink = '#0b0c0c';
const grid = '#d8dde0';
const barColour = '#1d70b8';
const lineColour = '#d4351c';
const font = '12px system-ui, sans-serif';

/** Mounts a uPlot into a div, sized to the div's width and redrawn when that changes. */
function useChart(build: (width: number) => { options: uPlot.Options; data: uPlot.AlignedData }, keys: unknown[]) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = () => Math.max(280, Math.floor(element.clientWidth));
    const { options, data } = build(width());
    const chart = new uPlot(options, data, element);
    const resized = new ResizeObserver(() => chart.setSize({ width: width(), height: options.height }));
    resized.observe(element);
    return () => {
      resized.disconnect();
      chart.destroy();
    };
  }, keys);
  return box;
}

export interface BarRow {
  label: string;
  value: number;
}

/** Horizontal bars: one per row, labels on the left, read top to bottom in the rows' order. */
export function BarChart({ rows, label, heading }: { rows: BarRow[]; label: string; heading: string }) {
  const box = useChart(
    (width) => ({
      options: {
        width,
        height: Math.max(120, rows.length * 28 + 40),
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, ori: 1, dir: -1, range: [-0.5, rows.length - 0.5] },
          y: { ori: 0, range: (_chart, _min, max) => [0, Math.max(1, max) * 1.1] },
        },
        axes: [
          {
            side: 3,
            size: 190,
            font,
            stroke: ink,
            grid: { show: false },
            ticks: { show: false },
            splits: () => rows.map((_row, index) => index),
            values: (_chart, splits) => splits.map((index) => rows[index]?.label ?? ''),
          },
          { side: 2, font, stroke: ink, grid: { stroke: grid, width: 1 }, values: (_chart, splits) => splits.map((value) => (Number.isInteger(value) ? String(value) : '')) },
        ],
        series: [{}, { label, fill: barColour, stroke: barColour, paths: uPlot.paths.bars!({ size: [0.7, 40] }), points: { show: false } }],
      },
      data: [rows.map((_row, index) => index), rows.map((row) => row.value)],
    }),
    [JSON.stringify(rows)],
  );
  return (
    <ChartFigure heading={heading} chart={<div ref={box} class="chart" aria-hidden="true" />}>
      <NumbersTable caption={heading} columns={[label, m.dashboard.count]} rows={rows.map((row) => [row.label, row.value])} />
    </ChartFigure>
  );
}

/** Registrations per day as bars, and the running total as a line on its own scale. */
export function DailyChart({ days, heading }: { days: [day: string, count: number][]; heading: string }) {
  const times = days.map(([day]) => Date.parse(`${day}T12:00:00Z`) / 1000);
  const counts = days.map(([, count]) => count);
  let sum = 0;
  const totals = counts.map((count) => (sum += count));
  const box = useChart(
    (width) => ({
      options: {
        width,
        height: 240,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'UTC'),
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true }, count: { range: (_chart, _min, max) => [0, Math.max(1, max) * 1.1] }, total: { range: (_chart, _min, max) => [0, Math.max(1, max) * 1.1] } },
        axes: [
          { font, stroke: ink, grid: { show: false } },
          { scale: 'count', font, stroke: barColour, grid: { stroke: grid, width: 1 } },
          { scale: 'total', side: 1, font, stroke: lineColour, grid: { show: false } },
        ],
        series: [
          {},
          { label: m.dashboard.perDay, scale: 'count', fill: barColour, stroke: barColour, paths: uPlot.paths.bars!({ size: [0.8, 30] }), points: { show: false } },
          { label: m.dashboard.total, scale: 'total', stroke: lineColour, width: 2, points: { show: days.length < 40 } },
        ],
      },
      data: [times, counts, totals],
    }),
    [JSON.stringify(days)],
  );
  return (
    <ChartFigure heading={heading} chart={<div ref={box} class="chart" aria-hidden="true" />}>
      <NumbersTable caption={heading} columns={[m.dashboard.day, m.dashboard.perDay, m.dashboard.total]} rows={days.map(([day, count], index) => [day, count, totals[index]!])} />
    </ChartFigure>
  );
}

function ChartFigure({ heading, chart, children }: { heading: string; chart: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="chart-card" aria-label={heading}>
      <h2>{heading}</h2>
      {chart}
      <div class="visually-hidden">{children}</div>
    </section>
  );
}

/** A chart's numbers: the first column names the row, the others are counts. */
export function NumbersTable({ caption, columns, rows, hiddenCaption = true }: { caption: string; columns: string[]; rows: [ComponentChildren, ...number[]][]; hiddenCaption?: boolean }) {
  return (
    <table class="table table-compact">
      <caption class={hiddenCaption ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th scope="col" key={column} class={index > 0 ? 'numeric' : undefined}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, ...counts], index) => (
          <tr key={index}>
            <th scope="row">{name}</th>
            {counts.map((count, column) => (
              <td class="numeric" key={column}>
                {count}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
