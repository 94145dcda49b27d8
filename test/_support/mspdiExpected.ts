import { XMLParser } from 'fast-xml-parser';

/** What Microsoft Project itself computed for one task, read straight from an MSPDI file. */
export interface ProjectComputed {
  uid: string;
  summary: boolean;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
}

type Node = Record<string, unknown>;

/**
 * Reads the dates, floats and critical flags Project wrote into a file, independently of the
 * library's own reader. Dates are cut to minutes; slack is converted from tenths of a minute.
 */
export function projectComputed(xml: string): ProjectComputed[] {
  const doc = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Task' }).parse(xml) as { Project: { Tasks?: { Task?: Node[] } } };
  const tasks = doc.Project.Tasks?.Task ?? [];
  return tasks
    .filter((t) => String(t.OutlineLevel) !== '0')
    .map((t) => ({
      uid: String(t.UID),
      summary: String(t.Summary) === '1',
      earlyStart: String(t.EarlyStart).slice(0, 16),
      earlyFinish: String(t.EarlyFinish).slice(0, 16),
      lateStart: String(t.LateStart).slice(0, 16),
      lateFinish: String(t.LateFinish).slice(0, 16),
      totalFloat: Number(t.TotalSlack) / 10,
      freeFloat: Number(t.FreeSlack) / 10,
      critical: String(t.Critical) === '1',
    }));
}
