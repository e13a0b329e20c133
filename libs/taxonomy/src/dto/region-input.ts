import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { normalizeRegion } from '../regions.js';

function countryOf(object: object, countryProperty: string): string | null {
  const country = (object as Record<string, unknown>)[countryProperty];
  return typeof country === 'string' ? country : null;
}

/**
 * `@Transform` for a region next to a country field: turns what the client typed ("tx" with
 * country "US", "us-tx") into its code ("US-TX"); anything else is left for `IsRegionOf` to refuse.
 */
export function toRegionCode(countryProperty: string) {
  return ({ value, obj }: { value: unknown; obj: object }): unknown => {
    if (typeof value !== 'string') return value;
    const result = normalizeRegion(countryOf(obj, countryProperty), value);
    return 'code' in result ? result.code : value;
  };
}

/** An ISO 3166-2 region of the country in `countryProperty` (see `normalizeRegion`). */
export function IsRegionOf(
  countryProperty: string,
  options?: ValidationOptions,
): PropertyDecorator {
  const check = (value: unknown, args: ValidationArguments) =>
    typeof value === 'string'
      ? normalizeRegion(countryOf(args.object, countryProperty), value)
      : null;
  return ValidateBy(
    {
      name: 'isRegionOf',
      constraints: [countryProperty],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const result = args ? check(value, args) : null;
          return result !== null && 'code' in result;
        },
        defaultMessage: (args?: ValidationArguments) => {
          const result = args ? check(args.value, args) : null;
          return result && 'problem' in result
            ? result.problem
            : 'must be an ISO 3166-2 region code';
        },
      },
    },
    options,
  );
}
