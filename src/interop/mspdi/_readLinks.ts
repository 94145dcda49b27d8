import type { DurationUnit } from '../../model/primitives.js';
import type { ScheduleLinkInput } from '../../schedule/scheduleInput.js';
import { DURATION_FORMATS, LINK_TYPES_BY_CODE } from './_codes.js';
import { formatMinutes } from './_duration.js';
import { children, text, type XmlNode } from './_xml.js';
import type { MspdiWarning } from './mspdiWarning.js';

const num = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

/** Where the links of one task are read from and into. */
export interface LinkContext {
  /** Task ids by MSPDI UID, for the tasks read. */
  readonly idOfUid: ReadonlyMap<string, string>;
  /** Day, week and month lengths, for lags in those units. */
  readonly lengths: { readonly minutesPerDay: number; readonly minutesPerWeek: number; readonly daysPerMonth: number };
  /** Receives a warning per link left out. */
  readonly warn: (warning: MspdiWarning) => void;
}

/**
 * The links into task `to` from its PredecessorLink elements, with type and lag. Links to another
 * project are left out; a link whose predecessor is not a task read is left out with a
 * `MISSING_PREDECESSOR` warning.
 */
export function linksOf(node: XmlNode, to: { readonly id: string; readonly uid: string; readonly path: string }, context: LinkContext): ScheduleLinkInput[] {
  const links: ScheduleLinkInput[] = [];
  children(node, 'PredecessorLink').forEach((link, i) => {
    if (text(link, 'CrossProject') === '1') return;
    const predecessor = text(link, 'PredecessorUID');
    const from = predecessor === undefined ? undefined : context.idOfUid.get(predecessor);
    if (from === undefined) {
      const which = predecessor === undefined ? 'no PredecessorUID' : `predecessor UID ${predecessor}, which is not a task read from the file`;
      context.warn({ code: 'MISSING_PREDECESSOR', message: `Task UID ${to.uid} has a link with ${which}; the link is left out`, uid: to.uid, path: `${to.path}/PredecessorLink[${i + 1}]` });
      return;
    }
    const type = LINK_TYPES_BY_CODE[num(text(link, 'Type')) ?? 1] ?? 'FS';
    const lagValue = num(text(link, 'LinkLag')) ?? 0;
    const lagUnit: DurationUnit = DURATION_FORMATS[num(text(link, 'LagFormat')) ?? 7] ?? 'd';
    // LinkLag is in tenths of a minute, except percentages, which are whole percent.
    const lag = lagUnit === '%' || lagUnit === 'e%' ? `${lagValue}${lagUnit}` : formatMinutes(lagValue / 10, lagUnit, context.lengths);
    links.push({ from, to: to.id, type, ...(lagValue === 0 ? {} : { lag }) });
  });
  return links;
}
