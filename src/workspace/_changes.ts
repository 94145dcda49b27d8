import * as z from 'zod';

/** Builds the strict schema of an update's changes from an entity schema's shape. */
export function changesSchema(shape: Readonly<Record<string, z.ZodType>>, fixed: Readonly<Record<string, string>>) {
  const keys: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (Object.hasOwn(fixed, key)) {
      keys[key] = z
        .unknown()
        .refine(() => false, { message: fixed[key] })
        .optional();
      continue;
    }
    // A default is what a new entity gets; an update that leaves the field out keeps its value.
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
    keys[key] = (schema instanceof z.ZodOptional ? inner.nullable() : inner).optional();
  }
  return z.strictObject(keys);
}

/** The entity with `changes` applied: `null` removes a field, `undefined` leaves it. */
export function merge(current: object, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}

/** Paging options of every list query. */
export const PageOptionsSchema = z.object({
  /** Page size, 1–1000; default 100. */
  limit: z.int().min(1).max(1000).default(100),
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
});

/** The optimistic-concurrency option of commands on an existing entity. */
export const WriteOptionsSchema = z.object({
  /** The version you read; the command fails with `CONFLICT` if the entity has moved on. */
  expectedVersion: z.int().min(1).optional(),
});
