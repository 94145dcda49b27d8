import * as z from 'zod';

/**
 * Fonts and colours every picture shares. The font list puts a Latin face first and then the
 * common CJK faces of Linux, macOS and Windows, so Chinese names render with a real font wherever
 * the picture is opened. Family names are unquoted (valid CSS for names made of words), which
 * keeps the attribute readable.
 */
export const DEFAULT_FONT_FAMILY = 'Arial, Helvetica, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, Hiragino Sans GB, sans-serif';

// A hex colour, a named colour or an rgb()/hsl() form: nothing that can reference another resource
// (`url(…)`) ends up in a fill.
const COLOR = /^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(?:rgb|rgba|hsl|hsla)\([0-9.,%\s]{1,60}\))$/;

/** A CSS colour: `#1a73e8`, `steelblue`, `rgb(26, 115, 232)`. */
export const ColorSchema = z.string().regex(COLOR, 'expected a colour such as #1a73e8, steelblue or rgb(26, 115, 232)');

/** A font-family list. */
export const FontFamilySchema = z.string().min(1).max(500);

/** Default colours of series without one, in order: distinguishable in print and for the common colour-vision deficiencies. */
export const SERIES_PALETTE = ['#1a73e8', '#e8710a', '#188038', '#9334e6', '#d01884', '#12b5cb', '#5f6368', '#b06000'] as const;

/** The series colour for position `index`: the caller's, or the palette's, cycling. */
export function seriesColor(color: string | undefined, index: number): string {
  return color ?? SERIES_PALETTE[index % SERIES_PALETTE.length] ?? '#1a73e8';
}
