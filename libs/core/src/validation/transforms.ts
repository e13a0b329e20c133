/** class-transformer helpers applied before validation (`@Transform(trimmed)`). */
type TransformInput = { value: unknown };

export function trimmed({ value }: TransformInput): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/** Codes such as ISO country codes: trimmed and upper-cased. */
export function trimmedUpperCase({ value }: TransformInput): unknown {
  return typeof value === 'string' ? value.trim().toUpperCase() : value;
}
