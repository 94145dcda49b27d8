import { parseInput } from '../core/validate.js';
import { ScheduleEngine } from './_engine.js';
import type { LeafNetwork } from './_network.js';
import { normalizeProject, type ProjectStructure } from './_normalize.js';
import { expandLinks, hasSummaryLinks, leavesUnder } from './_summaries.js';
import { refuseUnsupportedDates } from './_supportedDates.js';
import { ScheduleProjectSchema, type ScheduleProjectInput } from './scheduleInput.js';

/** A validated project and its scheduled engine. */
export interface BuiltSchedule {
  readonly structure: ProjectStructure;
  readonly engine: ScheduleEngine;
}

/** An engine over the structure's leaves and expanded links, not yet run. */
export function engineFor(structure: ProjectStructure, earliest?: (summary: number) => number): ScheduleEngine {
  const links = expandLinks(structure, earliest);
  const net: LeafNetwork = {
    ...structure.leaves,
    linkFrom: links.from,
    linkTo: links.to,
    linkType: links.type,
    linkLag: links.lag,
    linkElapsed: links.elapsed,
    linkPercent: links.percent,
  };
  return new ScheduleEngine(net);
}

/**
 * Validates the input and schedules it. Links on summary tasks need the early start of each
 * summary's earliest task, so those projects are scheduled once without them first (as Microsoft
 * Project does) and then with them.
 */
export function buildSchedule(input: ScheduleProjectInput): BuiltSchedule {
  return scheduleStructure(normalizeProject(parseInput(ScheduleProjectSchema, input, 'schedule input')));
}

/** Schedules a validated structure; `VALIDATION` when a date would leave the supported range. */
export function scheduleStructure(structure: ProjectStructure): BuiltSchedule {
  let engine: ScheduleEngine;
  if (hasSummaryLinks(structure)) {
    const first = engineFor(structure);
    first.run();
    const cache = new Map<number, number[]>();
    engine = engineFor(structure, (summary) =>
      leavesUnder(structure, summary, cache).reduce((best, leaf) => ((first.es[leaf] as number) < (first.es[best] as number) ? leaf : best)),
    );
  } else {
    engine = engineFor(structure);
  }
  engine.run();
  refuseUnsupportedDates(structure, engine);
  return { structure, engine };
}
