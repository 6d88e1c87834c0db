import type { Image } from './png.js';

type Rgb = [number, number, number];
/** Inside test for a point in icon units (0..1 both ways). */
type Shape = (x: number, y: number) => boolean;

const BRAND: Rgb = [0x0b, 0x5c, 0xad];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAMPLES = 4; // per axis: 16 samples per pixel for smooth edges

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

/** A triangle given by its corners (the speech bubble's tail). */
function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

/** A thick line segment with round ends. */
function stroke(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
  };
}

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((shape) => shape(x, y));
const minus = (shape: Shape, hole: Shape): Shape => (x, y) => shape(x, y) && !hole(x, y);

/** Our mark: a speech bubble (the assistant) holding a check mark (the task, done step by step). */
function bubble(inset: number): Shape {
  return union(
    roundedRect(0.16 + inset, 0.2 + inset, 0.84 - inset, 0.7 - inset, 0.12),
    triangle(0.3 + inset, 0.62 - inset, 0.48, 0.62 - inset, 0.3 + inset, 0.84 - inset * 1.5),
  );
}
const CHECK = union(stroke(0.35, 0.45, 0.46, 0.56, 0.075), stroke(0.46, 0.56, 0.66, 0.34, 0.075));

/** Paints layers in order; each pixel's coverage is the share of its samples inside the shape. */
function paint(size: number, layers: { shape: Shape; color: Rgb }[], background?: Rgb): Image {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b] = background ?? [0, 0, 0];
      let alpha = background ? 1 : 0;
      for (const { shape, color } of layers) {
        let inside = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (shape((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)) inside++;
          }
        }
        const coverage = inside / (SAMPLES * SAMPLES);
        if (coverage === 0) continue;
        const outAlpha = coverage + alpha * (1 - coverage);
        r = (color[0] * coverage + r * alpha * (1 - coverage)) / outAlpha;
        g = (color[1] * coverage + g * alpha * (1 - coverage)) / outAlpha;
        b = (color[2] * coverage + b * alpha * (1 - coverage)) / outAlpha;
        alpha = outAlpha;
      }
      const offset = (py * size + px) * 4;
      rgba[offset] = Math.round(r);
      rgba[offset + 1] = Math.round(g);
      rgba[offset + 2] = Math.round(b);
      rgba[offset + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, rgba };
}

/** Teams' colour icon: 192×192, the white mark on our blue. */
export function colorIcon(): Image {
  return paint(192, [
    { shape: bubble(0), color: WHITE },
    { shape: CHECK, color: BRAND },
  ], BRAND);
}

/** Teams' outline icon: 32×32, white on transparent (Teams tints it). */
export function outlineIcon(): Image {
  const outline = minus(bubble(0), bubble(0.07));
  return paint(32, [{ shape: union(outline, CHECK), color: WHITE }]);
}
