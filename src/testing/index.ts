/**
 * `campaignkit/testing`: the storage conformance suite every adapter passes, and the concurrent
 * writers workload it uses. Neither imports a test runner; pass yours in.
 *
 * @packageDocumentation
 */

// Storage conformance suite
export { runStorageConformance } from './runStorageConformance.js';
export type { ConformanceMatchers, ConformanceTestApi, StorageConformanceOptions } from './runStorageConformance.js';

// Concurrent writers workload (reliability tests and benchmarks)
export { runConcurrentWriters } from './runConcurrentWriters.js';
export type { ConcurrentWritersOptions, ConcurrentWritersReport, CounterOutcome } from './runConcurrentWriters.js';
