import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { Error as ERRORS_ONLY, logger, parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from './spec.js';

/** The width Telegram shows on a phone without zooming; the height follows the rows. */
export const PICTURE_WIDTH = 900;

/**
 * DejaVu Sans from its npm package (`npm ci` is enough, no system fonts): it covers every
 * Vietnamese letter (ạ ề ữ đ …). The same file on every machine makes the pictures repeatable.
 */
function fontFiles(): string[] {
  const root = path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => path.join(root, 'ttf', name));
}

let fonts: string[] | undefined;

/** A Vega-Lite spec as SVG: Vega's headless view (no canvas, text widths are estimates). */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  // Vega-Lite warns when layers repeat one scale domain; only errors are worth a log line.
  const quiet = logger(ERRORS_ONLY);
  const view = new View(parse(compile(spec, { logger: quiet }).spec), { renderer: 'none', logger: quiet });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** SVG → PNG at `width` px with the bundled fonts only, so a machine's own fonts change nothing. */
export function svgToPng(svg: string, width = PICTURE_WIDTH): { png: Buffer; width: number; height: number } {
  fonts ??= fontFiles();
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: 'white',
    font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
