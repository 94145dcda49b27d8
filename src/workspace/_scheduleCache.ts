import type { PreparedSchedule } from '../schedule/prepareSchedule.js';

/**
 * Prepared schedules kept between commands, one per campaign, each labelled with the version and
 * stamp of the campaign's `schedule` document it was built for. Storage stays the source of truth:
 * a command uses a cached schedule only when the label matches what it loaded, so another app
 * server's change (which rewrites that document) simply causes a rebuild.
 *
 * A command takes the entry out while it works on it (prepared schedules change in place) and puts
 * it back only after its transaction commits; a failed command leaves no entry behind.
 */
export class ScheduleCache {
  private readonly entries = new Map<string, { label: string; prepared: PreparedSchedule }>();

  constructor(private readonly capacity: number) {}

  /** Removes and returns the schedule of `campaignId` if it was built for `label`. */
  take(campaignId: string, label: string): PreparedSchedule | undefined {
    const entry = this.entries.get(campaignId);
    this.entries.delete(campaignId);
    return entry?.label === label ? entry.prepared : undefined;
  }

  /** Stores a schedule, evicting the least recently stored one beyond capacity. */
  put(campaignId: string, label: string, prepared: PreparedSchedule): void {
    this.entries.delete(campaignId);
    this.entries.set(campaignId, { label, prepared });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }


/** Puts back a schedule taken by a query, unless a command has stored a newer one meanwhile. */
  restore(campaignId: string, label: string, prepared: PreparedSchedule): void {
    if (!this.entries.has(campaignId)) this.put(campaignId, label, prepared);
  }
}

/** The cache label of a schedule document. */
export function scheduleLabel(version: number, stamp: string): string {
  return `${version}:${stamp}`;
}
