import { html, type SafeHtml } from './html';
import { px } from './projection';

export interface LabelRequest {
  text: string;
  x: number;
  y: number;
  className: string;
  /** A required label is placed where it overlaps least; an optional one is dropped if it would overlap. */
  required: boolean;
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const CHAR_W_PX = 6.4;
const LINE_H_PX = 13;

/** Right, left, above, below the symbol, then the diagonals. */
const SLOTS: { dx: number; dy: number; anchor: 'start' | 'end' | 'middle' }[] = [
  { dx: 10, dy: 4, anchor: 'start' },
  { dx: -10, dy: 4, anchor: 'end' },
  { dx: 0, dy: -11, anchor: 'middle' },
  { dx: 0, dy: 19, anchor: 'middle' },
  { dx: 8, dy: -9, anchor: 'start' },
  { dx: 8, dy: 17, anchor: 'start' },
  { dx: -8, dy: -9, anchor: 'end' },
  { dx: -8, dy: 17, anchor: 'end' },
];

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Greedy label placement: each label takes the first slot around its point that collides with
 * no label placed before it and no symbol, which keeps names of boxes a few km apart readable.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly { x: number; y: number; r: number }[],
  widthPx: number,
  heightPx: number,
): SafeHtml[] {
  const taken: Rect[] = obstacles.map((o) => ({
    x0: o.x - o.r,
    y0: o.y - o.r,
    x1: o.x + o.r,
    y1: o.y + o.r,
  }));
  const out: SafeHtml[] = [];
  for (const req of requests) {
    const w = req.text.length * CHAR_W_PX * (req.required ? 1.08 : 1);
    let best: { rect: Rect; x: number; y: number; anchor: string; cost: number } | undefined;
    for (const slot of SLOTS) {
      const x = req.x + slot.dx;
      const y = req.y + slot.dy;
      const x0 = slot.anchor === 'start' ? x : slot.anchor === 'end' ? x - w : x - w / 2;
      const rect = { x0, y0: y - LINE_H_PX + 3, x1: x0 + w, y1: y + 3 };
      const outside =
        Math.max(0, -rect.x0) +
        Math.max(0, rect.x1 - widthPx) +
        Math.max(0, -rect.y0) +
        Math.max(0, rect.y1 - heightPx);
      const cost = taken.reduce((s, t) => s + overlap(rect, t), 0) + outside * LINE_H_PX * 4;
      if (!best || cost < best.cost) best = { rect, x, y, anchor: slot.anchor, cost };
      if (cost === 0) break;
    }
    if (!best || (best.cost > 0 && !req.required)) continue;
    taken.push(best.rect);
    out.push(
      html`<text class="${req.className}" x="${px(best.x)}" y="${px(best.y)}" text-anchor="${best.anchor}">${req.text}</text>`,
    );
  }
  return out;
}
