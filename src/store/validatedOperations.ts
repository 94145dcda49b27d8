import type { AuditEntry, OutboxEntry, Page, RecordKey, StorageReader, StorageWriter, StoredRecord } from './storageAdapter.js';
import {
  parseAudit,
  parseAuditQuery,
  parseDelete,
  parseGetMany,
  parseKey,
  parseList,
  parseOutbox,
  parsePut,
  type AuditCommand,
  type AuditQueryCommand,
  type ListCommand,
  type OutboxCommand,
  type PutCommand,
} from './storageInput.js';

/** The reads and writes of the storage contract as an adapter implements them: on parsed input. */
export interface ParsedOperations {
  get(key: RecordKey): Promise<StoredRecord | null>;
  getMany(type: string, ids: readonly string[]): Promise<(StoredRecord | null)[]>;
  list(query: ListCommand): Promise<Page<StoredRecord>>;
  readAudit(query: AuditQueryCommand): Promise<Page<AuditEntry>>;
  put(command: PutCommand): Promise<StoredRecord>;
  delete(key: RecordKey, expectedVersion: number): Promise<void>;
  appendAudit(command: AuditCommand): Promise<AuditEntry>;
  appendOutbox(commands: readonly OutboxCommand[]): Promise<OutboxEntry[]>;
}

/**
 * The public reads and writes over an adapter's {@link ParsedOperations}: every argument is parsed
 * first, so each adapter refuses the same input the same way, as a rejected promise, before it
 * reads or writes anything.
 */
export function validatedOperations(operations: ParsedOperations): StorageReader & StorageWriter {
  return {
    get: async (type, id) => operations.get(parseKey(type, id)),
    getMany: async (type, ids) => {
      const query = parseGetMany(type, ids);
      return operations.getMany(query.type, query.ids);
    },
    list: async (query) => operations.list(parseList(query)),
    readAudit: async (query) => operations.readAudit(parseAuditQuery(query)),
    put: async (record, options) => operations.put(parsePut(record, options)),
    delete: async (type, id, options) => {
      const parsed = parseDelete(type, id, options);
      return operations.delete(parsed, parsed.expectedVersion);
    },
    appendAudit: async (entry) => operations.appendAudit(parseAudit(entry)),
    appendOutbox: async (events) => operations.appendOutbox(parseOutbox(events)),
  };
}
