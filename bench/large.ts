/**
 * Child process for the largest case: builds the network, schedules it once and reports the time
 * and the process's peak resident memory (input objects included) as JSON.
 */
import { computeCpm } from '../src/schedule/computeCpm.js';
import { layeredNetwork } from './network.js';

const tasks = Number(process.argv[2] ?? 1_000_000);
const net = layeredNetwork(tasks, 3, 1000);
const start = performance.now();
const result = computeCpm(net);
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ tasks: net.tasks.length, links: net.links.length, ms, finish: result.finish, peakMiB: process.resourceUsage().maxRSS / 1024 }));
