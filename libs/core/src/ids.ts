/**
 * Id text checks, as plain functions: pure cores (the mentor index, attendance rules) import this
 * entry (`@preceptor/core/ids`) so they load without Nest; also exported from `@preceptor/core`.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** UUID text in either case, as a person or client may type it. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * UUID text as PostgreSQL prints it (lowercase). Cursors carry ids in this form only: their ids
 * are compared as text, where case would change the order.
 */
export function isCanonicalUuid(text: string): boolean {
  return CANONICAL_UUID.test(text);
}
