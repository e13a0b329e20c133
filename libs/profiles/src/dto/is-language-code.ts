import { ValidateBy, type ValidationOptions } from 'class-validator';
import validator from 'validator';

/** An ISO 639-1 two-letter language code (validator.js's list). */
export function IsLanguageCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLanguageCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && validator.isISO6391(value),
        defaultMessage: () => 'must be ISO 639-1 language codes such as "en" or "es"',
      },
    },
    options,
  );
}

/** Trims and lower-cases a list of language codes before validation. */
export function normalizeLanguageCodes({ value }: { value: unknown }): unknown {
  return Array.isArray(value)
    ? (value as unknown[]).map((code) =>
        typeof code === 'string' ? code.trim().toLowerCase() : code,
      )
    : value;
}
