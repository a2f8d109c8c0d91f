#!/usr/bin/env node
/**
 * Writes the add-in icons (assets/icon-{16,32,64,80,128}.png) with no image library: the PNG
 * bytes (signature, IHDR, one zlib-deflated IDAT, IEND) are assembled here.
 *
 * Motif: an upward-sloping yield curve (concave, like a normal Treasury curve) in white on a
 * rounded dark-green square, with three small "key-rate" dots on the curve.
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: assets/)
 */
/* global Buffer */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BG = [0x10, 0x5e, 0x3c]; // dark green (Excel-ish)
const BG_EDGE = [0x0b, 0x47, 0x2d];
const FG = [0xff, 0xff, 0xff];
const DOT = [0xff, 0xd1, 0x66]; // amber key-rate markers
const AXIS = [0x8f, 0xc9, 0xa8];

/** CRC-32 (PNG polynomial) */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes an RGBA pixel buffer (width*height*4) as a PNG file. */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The yield curve in unit coordinates: x in [0,1] (maturity) -> y in [0,1] (yield, up). */
function curve(x) {
  return 0.18 + (0.62 * (1 - Math.exp(-3.2 * x))) / (1 - Math.exp(-3.2));
}

/** Distance from point (px,py) to segment (ax,ay)-(bx,by). */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function blend(dst, src, alpha) {
  return dst.map((d, i) => Math.round(d * (1 - alpha) + src[i] * alpha));
}

/** Renders one icon with 4x4 supersampling. */
function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const ss = 4;
  const radius = size * 0.18; // rounded corners
  const margin = size * 0.16;
  const inner = size - 2 * margin;
  // Polyline of the curve in pixel coordinates.
  const pts = [];
  for (let i = 0; i <= 48; i++) {
    const x = i / 48;
    pts.push([margin + x * inner, size - (margin + curve(x) * inner)]);
  }
  const lineHalf = Math.max(0.9, size * 0.055);
  const dotR = Math.max(1.2, size * 0.07);
  const dots = [0.12, 0.45, 0.85].map((x) => [
    margin + x * inner,
    size - (margin + curve(x) * inner),
  ]);
  const axisHalf = Math.max(0.5, size * 0.02);
  const axisX = margin * 0.75;
  const axisY = size - margin * 0.75;

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let acc = [0, 0, 0];
      let coverage = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = px + (sx + 0.5) / ss;
          const y = py + (sy + 0.5) / ss;
          // Inside rounded square?
          const cx = Math.min(Math.max(x, radius), size - radius);
          const cy = Math.min(Math.max(y, radius), size - radius);
          if (Math.hypot(x - cx, y - cy) > radius) continue;
          coverage++;
          // Vertical gradient background.
          const t = y / size;
          let c = blend(BG, BG_EDGE, t * 0.8);
          // Axes (subtle).
          if (
            (Math.abs(x - axisX) <= axisHalf && y >= margin * 0.6 && y <= axisY) ||
            (Math.abs(y - axisY) <= axisHalf && x >= axisX && x <= size - margin * 0.6)
          ) {
            c = AXIS;
          }
          // Curve.
          let d = Infinity;
          for (let i = 1; i < pts.length; i++) {
            d = Math.min(d, segDist(x, y, pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]));
          }
          if (d <= lineHalf) c = FG;
          // Key-rate dots (only where they are big enough to read).
          if (size >= 32) {
            for (const [dx, dy] of dots) {
              const dd = Math.hypot(x - dx, y - dy);
              if (dd <= dotR) c = DOT;
              else if (dd <= dotR + lineHalf * 0.6) c = BG_EDGE;
            }
            // Redraw the curve over the dot rings, but not over the dots.
            if (d <= lineHalf && !dots.some(([dx, dy]) => Math.hypot(x - dx, y - dy) <= dotR)) {
              c = FG;
            }
          }
          acc = acc.map((a, i) => a + c[i]);
        }
      }
      const o = (py * size + px) * 4;
      if (coverage === 0) {
        rgba[o + 3] = 0;
        continue;
      }
      rgba[o] = Math.round(acc[0] / coverage);
      rgba[o + 1] = Math.round(acc[1] / coverage);
      rgba[o + 2] = Math.round(acc[2] / coverage);
      rgba[o + 3] = Math.round((255 * coverage) / (ss * ss));
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, render(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
