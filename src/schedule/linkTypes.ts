import type { LinkType } from '../model/dependency.js';

/** Link types as small integers for typed arrays. */
export const FS = 0;
/** Start-to-start. */
export const SS = 1;
/** Finish-to-finish. */
export const FF = 2;
/** Start-to-finish. */
export const SF = 3;

/** Maps `'FS' | 'SS' | 'FF' | 'SF'` to its code; `-1` for anything else. */
export function linkTypeCode(type: unknown): number {
  switch (type) {
    case undefined:
    case 'FS':
      return FS;
    case 'SS':
      return SS;
    case 'FF':
      return FF;
    case 'SF':
      return SF;
    default:
      return -1;
  }
}

/** The link type name of a code. */
export const LINK_TYPE_NAMES: readonly LinkType[] = ['FS', 'SS', 'FF', 'SF'];
