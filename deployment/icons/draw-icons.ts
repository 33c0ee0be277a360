// Draws the Teams app icons and writes them beside the manifest: `npx tsx deployment/icons/draw-icons.ts`.
// The PNGs are committed; run this only to change the drawing.
import { writeFileSync } from 'node:fs';
import { encodePng } from './encode-png.js';

/** The manifest's accentColor: the colour icon's background. */
const ACCENT = [0x1b, 0x5e, 0x8c] as const;

type Shape = (x: number, y: number) => boolean;

const box = (left: number, top: number, right: number, bottom: number): Shape => (x, y) => x >= left && x <= right && y >= top && y <= bottom;

/** A stroke of the given width from (x1, y1) to (x2, y2), with square ends. */
const stroke = (x1: number, y1: number, x2: number, y2: number, width: number): Shape => (x, y) => {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const along = ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy);
  const clamped = Math.min(1, Math.max(0, along));
  return Math.hypot(x - (x1 + clamped * dx), y - (y1 + clamped * dy)) <= width / 2;
};

// A calendar page with a tick: deadlines met. Coordinates run 0..1 across and down the glyph's square.
const LINE = 0.08;
const CALENDAR: readonly Shape[] = [
  box(0.14, 0.2, 0.86, 0.38), // header band
  box(0.14, 0.2, 0.14 + LINE, 0.88), // left side
  box(0.86 - LINE, 0.2, 0.86, 0.88), // right side
  box(0.14, 0.88 - LINE, 0.86, 0.88), // bottom
  box(0.29, 0.1, 0.29 + LINE, 0.27), // binding rings
  box(0.71 - LINE, 0.1, 0.71, 0.27),
  stroke(0.33, 0.62, 0.46, 0.74, LINE),
  stroke(0.46, 0.74, 0.68, 0.5, LINE),
];
const inGlyph = (x: number, y: number) => CALENDAR.some((shape) => shape(x, y));

/** 192 × 192, white glyph on the accent colour, anti-aliased with 4 × 4 samples a pixel. */
function colourIcon(): Buffer {
  const size = 192;
  const [margin, samples] = [0.16, 4];
  const pixels = new Uint8Array(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      let covered = 0;
      for (let sample = 0; sample < samples * samples; sample += 1) {
        const x = (column + ((sample % samples) + 0.5) / samples) / size;
        const y = (row + (Math.floor(sample / samples) + 0.5) / samples) / size;
        // Teams crops the colour icon to a rounded square: keep the glyph inside a safe margin.
        if (inGlyph((x - margin) / (1 - 2 * margin), (y - margin) / (1 - 2 * margin))) covered += 1;
      }
      const white = covered / (samples * samples);
      const offset = (row * size + column) * 4;
      ACCENT.forEach((channel, index) => (pixels[offset + index] = Math.round(channel + (255 - channel) * white)));
      pixels[offset + 3] = 255;
    }
  }
  return encodePng(size, size, pixels);
}

/** 32 × 32, white on transparent with no partial alpha, as Teams requires of the outline icon. */
function outlineIcon(): Buffer {
  const size = 32;
  const pixels = new Uint8Array(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (inGlyph((column + 0.5) / size, (row + 0.5) / size)) pixels.fill(255, (row * size + column) * 4, (row * size + column + 1) * 4);
    }
  }
  return encodePng(size, size, pixels);
}

writeFileSync(new URL('../app-package/color.png', import.meta.url), colourIcon());
writeFileSync(new URL('../app-package/outline.png', import.meta.url), outlineIcon());
