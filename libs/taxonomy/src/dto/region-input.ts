import { applyDecorators } from '@nestjs/common';
import { trimmedUpperCase } from '@preceptor/core';
import { Transform } from 'class-transformer';
import {
  IsISO31661Alpha2,
  IsString,
  MaxLength,
  ValidateBy,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { normalizeRegion } from '../regions.js';

/** Longer than any ISO 3166-2 code or region name a person types. */
const REGION_INPUT_MAX_LENGTH = 100;

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

/** An ISO 3166-1 alpha-2 country code, trimmed and upper-cased first (" us" is "US"). */
export function IsCountryCode(): PropertyDecorator {
  return applyDecorators(
    Transform(trimmedUpperCase),
    IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code such as "US"' }),
  );
}

/**
 * A region of the country in `countryProperty`, stored as its ISO 3166-2 code: "tx" with the
 * country "US" becomes "US-TX"; a region outside the country is refused.
 */
export function IsRegionCodeOf(countryProperty: string): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(REGION_INPUT_MAX_LENGTH),
    Transform(toRegionCode(countryProperty)),
    IsRegionOf(countryProperty),
  );
}
