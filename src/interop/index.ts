/**
 * campaignkit/interop: reading and writing other tools' formats.
 *
 * @packageDocumentation
 */

// Microsoft Project XML (MSPDI)
export { parseMspdi } from './mspdi/parseMspdi.js';
export type { MspdiProject, ParseMspdiOptions } from './mspdi/parseMspdi.js';
export type { MspdiWarning, MspdiWarningCode } from './mspdi/mspdiWarning.js';
export { toMspdi } from './mspdi/toMspdi.js';
export type { ToMspdiOptions } from './mspdi/toMspdi.js';
