// Product images drawn locally: a flat silhouette of the product's kind in its colour, on a soft
// backdrop, rendered from SVG to WebP with sharp. No network, no stock photos, deterministic.
import sharp from "sharp";
import type { Shape } from "./blueprint";
import { IMAGE_HEIGHT, IMAGE_WIDTH, type ImageSpec } from "./generate";

// Silhouettes on a 480 × 600 canvas. Each is one or more SVG elements filled with the product colour.
const SHAPES: Record<Shape, string> = {
  tee: `<path d="M170 120 L212 104 Q240 136 268 104 L310 120 L392 180 L360 240 L330 220 L330 480 L150 480 L150 220 L120 240 L88 180 Z"/>`,
  shirt: `<path d="M172 116 L206 98 L240 146 L274 98 L308 116 L398 270 L366 288 L330 214 L330 492 L150 492 L150 214 L114 288 L82 270 Z"/><path d="M240 146 L240 492" stroke="#00000033" stroke-width="4" fill="none"/>`,
  hoodie: `<path d="M166 130 Q240 40 314 130 L396 270 L364 290 L330 222 L330 490 L150 490 L150 222 L116 290 L84 270 Z"/><ellipse cx="240" cy="132" rx="44" ry="30" fill="#00000026"/><rect x="190" y="360" width="100" height="60" rx="12" fill="#00000020"/>`,
  knit: `<path d="M170 118 L214 104 Q240 126 266 104 L310 118 L394 276 L362 292 L330 222 L330 488 L150 488 L150 222 L118 292 L86 276 Z"/><rect x="150" y="458" width="180" height="30" fill="#00000022"/><rect x="214" y="104" width="52" height="14" rx="6" fill="#00000022"/>`,
  trousers: `<path d="M160 100 L320 100 L342 510 L266 510 L240 230 L214 510 L138 510 Z"/><rect x="160" y="100" width="160" height="22" fill="#00000022"/>`,
  shorts: `<path d="M148 190 L332 190 L354 370 L262 382 L240 268 L218 382 L126 370 Z"/><rect x="148" y="190" width="184" height="20" fill="#00000022"/>`,
  jacket: `<path d="M170 112 L210 100 L240 150 L270 100 L310 112 L400 280 L368 298 L334 220 L334 470 L146 470 L146 220 L112 298 L80 280 Z"/><path d="M240 150 L240 470" stroke="#00000044" stroke-width="5" fill="none"/><path d="M210 100 L240 190 L270 100" fill="#00000022"/>`,
  coat: `<path d="M172 104 L210 94 L240 146 L270 94 L308 104 L398 300 L366 316 L336 226 L344 540 L136 540 L144 226 L114 316 L82 300 Z"/><circle cx="222" cy="260" r="7" fill="#00000044"/><circle cx="222" cy="330" r="7" fill="#00000044"/><circle cx="222" cy="400" r="7" fill="#00000044"/>`,
  dress: `<path d="M202 100 L278 100 L294 206 L366 524 L114 524 L186 206 Z"/><path d="M186 206 L294 206" stroke="#00000033" stroke-width="6"/>`,
  sneaker: `<path d="M86 380 Q100 300 186 296 L254 272 Q300 290 326 330 L392 348 Q414 362 404 404 L86 404 Z"/><rect x="80" y="404" width="330" height="22" rx="10" fill="#f4f4f2"/><path d="M200 300 L250 330 M215 292 L262 318" stroke="#ffffff88" stroke-width="6"/>`,
  boot: `<path d="M160 170 L264 170 L270 356 L372 378 Q402 392 398 432 L150 432 Z"/><rect x="146" y="432" width="256" height="24" rx="8" fill="#2b2b2b"/>`,
  sandal: `<ellipse cx="240" cy="380" rx="170" ry="50"/><path d="M150 370 Q240 260 330 370" stroke="#00000055" stroke-width="26" fill="none"/>`,
  bag: `<path d="M180 210 Q180 120 240 120 Q300 120 300 210" stroke="#00000055" stroke-width="16" fill="none"/><rect x="120" y="200" width="240" height="290" rx="26"/><rect x="120" y="250" width="240" height="16" fill="#00000022"/>`,
  hat: `<path d="M130 380 Q130 170 240 170 Q350 170 350 380 Z"/><rect x="118" y="360" width="244" height="60" rx="14" fill="#00000030"/><circle cx="240" cy="160" r="32"/>`,
  scarf: `<path d="M190 90 L290 90 L300 520 L250 520 L240 200 L230 520 L180 520 Z"/><path d="M180 520 L180 546 M196 520 L196 546 M212 520 L212 546 M228 520 L228 546 M252 520 L252 546 M268 520 L268 546 M284 520 L284 546 M298 520 L298 546" stroke-width="5" stroke="#00000055"/>`,
  belt: `<rect x="50" y="270" width="380" height="56" rx="10"/><rect x="96" y="256" width="70" height="84" rx="10" fill="none" stroke="#c9a94a" stroke-width="12"/>`,
  mug: `<rect x="140" y="200" width="180" height="230" rx="20"/><path d="M320 250 Q400 250 400 315 Q400 380 320 380" stroke-width="26" fill="none" class="stroke"/>`,
  pan: `<circle cx="210" cy="330" r="150"/><circle cx="210" cy="330" r="118" fill="#00000030"/><rect x="350" y="312" width="120" height="36" rx="16" fill="#2b2b2b"/>`,
  bedding: `<rect x="70" y="200" width="340" height="250" rx="24"/><rect x="100" y="150" width="130" height="80" rx="24" fill="#f4f4f2"/><rect x="250" y="150" width="130" height="80" rx="24" fill="#f4f4f2"/><rect x="70" y="300" width="340" height="20" fill="#00000022"/>`,
  candle: `<rect x="160" y="230" width="160" height="220" rx="18"/><rect x="160" y="290" width="160" height="70" fill="#f4f4f2cc"/><path d="M240 230 L240 200" stroke="#333" stroke-width="5"/><path d="M240 150 Q262 180 240 200 Q218 180 240 150 Z" fill="#f5a623"/>`,
  cushion: `<path d="M110 170 Q240 140 370 170 Q400 300 370 430 Q240 460 110 430 Q80 300 110 170 Z"/><circle cx="240" cy="300" r="10" fill="#00000033"/>`,
  bottle: `<rect x="200" y="110" width="80" height="50" rx="10" fill="#2b2b2b"/><path d="M196 160 L284 160 Q320 200 320 250 L320 470 Q320 500 290 500 L190 500 Q160 500 160 470 L160 250 Q160 200 196 160 Z"/>`,
  mat: `<rect x="110" y="180" width="260" height="300" rx="8"/><circle cx="240" cy="180" r="0"/><rect x="110" y="150" width="260" height="60" rx="30" fill="#00000030"/>`,
  tent: `<path d="M240 140 L410 470 L70 470 Z"/><path d="M240 300 L290 470 L190 470 Z" fill="#00000044"/>`,
};

function mix(hex: string, toward: string, amount: number): string {
  const parse = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const a = parse(hex);
  const b = parse(toward);
  const out = a.map((v, i) => Math.round(v + ((b[i] ?? 0) - v) * amount));
  return `#${out.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function patternFill(pattern: string, colour: string): string {
  const line = mix(colour, colour === "#f4f4f2" ? "#000000" : "#ffffff", 0.45);
  if (pattern === "Striped")
    return `<pattern id="p" width="28" height="28" patternUnits="userSpaceOnUse"><rect width="28" height="28" fill="${colour}"/><rect width="28" height="9" fill="${line}"/></pattern>`;
  if (pattern === "Checked")
    return `<pattern id="p" width="40" height="40" patternUnits="userSpaceOnUse"><rect width="40" height="40" fill="${colour}"/><rect width="20" height="40" fill="${line}" opacity="0.5"/><rect width="40" height="20" fill="${line}" opacity="0.5"/></pattern>`;
  if (pattern === "Floral")
    return `<pattern id="p" width="48" height="48" patternUnits="userSpaceOnUse"><rect width="48" height="48" fill="${colour}"/><circle cx="12" cy="12" r="6" fill="${line}"/><circle cx="36" cy="36" r="6" fill="${line}"/></pattern>`;
  if (pattern === "Graphic")
    return `<pattern id="p" width="480" height="600" patternUnits="userSpaceOnUse"><rect width="480" height="600" fill="${colour}"/><circle cx="240" cy="270" r="46" fill="${line}"/></pattern>`;
  return `<pattern id="p" width="10" height="10" patternUnits="userSpaceOnUse"><rect width="10" height="10" fill="${colour}"/></pattern>`;
}

export function imageSvg(spec: ImageSpec): string {
  const backdrop = mix(spec.accent, "#ffffff", 0.86);
  const backdrop2 = mix(spec.accent, "#ffffff", 0.7);
  const zoom = spec.angle === 1 ? `transform="translate(-240 -260) scale(2)"` : "";
  const shape = SHAPES[spec.shape].replace('class="stroke"', `stroke="${spec.colour}"`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" viewBox="0 0 ${IMAGE_WIDTH} ${IMAGE_HEIGHT}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${backdrop}"/><stop offset="1" stop-color="${backdrop2}"/></linearGradient>${patternFill(spec.pattern, spec.colour)}</defs>
<rect width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}" fill="url(#bg)"/>
<ellipse cx="240" cy="${spec.angle === 1 ? 590 : 555}" rx="170" ry="18" fill="#00000018"/>
<g ${zoom} fill="url(#p)">${shape}</g>
</svg>`;
}

export async function renderImage(spec: ImageSpec): Promise<Buffer> {
  return sharp(Buffer.from(imageSvg(spec)))
    .webp({ quality: 72, effort: 2 })
    .toBuffer();
}
