import type { AccessPolicy } from '../access/accessPolicy.js';
import type { Actor } from '../access/actor.js';
import type { Clock, IdGenerator } from '../core/clock.js';
import type { MetricRegistry } from '../kpi/createMetricRegistry.js';
import type { StorageAdapter } from '../store/storageAdapter.js';
import type { StatusWorkflow } from '../workflow/status/statusWorkflow.js';
import type { EventBus } from './_eventBus.js';
import type { ScheduleCache } from './_scheduleCache.js';

/**
 * Everything a command needs, parsed once by `createWorkspace`. Views for other actors
 * (`withActor`) share all of it but the actor: the storage, the listeners and the schedule cache.
 */
export interface WorkspaceContext {
  readonly storage: StorageAdapter;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly actor: Actor;
  readonly policy: AccessPolicy;
  /** Time zone of the campaigns' calendars, to turn instants into local dates. */
  readonly timeZone: string;
  readonly metrics: MetricRegistry;
  /** Budget categories whose actual expenses are `spend` in KPI formulas when no measurement reports it. */
  readonly spendCategories: readonly string[];
  readonly workflows: readonly StatusWorkflow[];
  readonly bus: EventBus;
  /**
   * Whether listeners of this view hear every event: true for the host's own workspace, false for
   * the views `withActor` makes, which hear only what their actor may read.
   */
  readonly hearsEverything: boolean;
  readonly schedules: ScheduleCache;
}
