import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { groupedBarChart, stackedBarChart } from '../src/charts';

const series = [
  { label: 'Today', colour: '#999' },
  { label: 'After', colour: '#0b6e4f' },
];

describe('charts', () => {
  it('draws bars in proportion and shortens long labels, keeping the full text as a title', () => {
    const long = 'Bygdens Service ekonomisk förening och Regionbuss Paket AB tillsammans';
    const svg = parse(
      groupedBarChart({
        id: 'c',
        title: 'T',
        desc: 'D',
        series,
        format: String,
        categories: [
          { label: 'Short', values: [10, 40] },
          { label: long, values: [20, 0] },
        ],
      }).value,
    );
    const widths = svg.querySelectorAll('rect').map((r) => Number(r.getAttribute('width')));
    expect(widths[0]! / widths[1]!).toBeCloseTo(0.25, 2);
    expect(widths[2]! / widths[1]!).toBeCloseTo(0.5, 2);
    expect(widths[3]).toBe(0);
    const label = svg.querySelectorAll('.chart-label')[1]!;
    expect(label.querySelector('title')!.text).toBe(long);
    expect(label.childNodes[0]!.text.endsWith('…')).toBe(true);
    expect(svg.querySelector('svg')!.getAttribute('role')).toBe('img');
  });

  it('scales stacked bars to a stated maximum', () => {
    const svg = parse(
      stackedBarChart({
        id: 's',
        title: 'Points',
        desc: 'D',
        series,
        format: String,
        scaleMax: 100,
        rows: [{ label: 'A', values: [30, 20] }],
      }).value,
    );
    const [a, b] = svg.querySelectorAll('rect').map((r) => Number(r.getAttribute('width')));
    const plotW = 560 - 80 - 110;
    expect(a! + b!).toBeCloseTo(plotW * 0.5, 0);
    expect(svg.querySelectorAll('.chart-value').at(-1)!.text).toBe('50');
  });
});
