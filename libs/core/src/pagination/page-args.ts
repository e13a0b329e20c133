import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Cursors are short opaque strings; anything longer is not one of ours. */
export const PAGE_CURSOR_MAX_LENGTH = 200;

/**
 * The page-size argument (`first`) of a list: 1 to `max`, `defaultSize` when left out. The
 * default is declared in the schema, so clients see it; resolvers still fall back to it for an
 * explicit null.
 */
export function PageSize(defaultSize: number, max: number, noun = 'Page size'): PropertyDecorator {
  return applyDecorators(
    Field(() => Int, {
      nullable: true,
      defaultValue: defaultSize,
      description: `${noun}, 1–${max}.`,
    }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(max),
  );
}

/** The cursor argument (`after`) of a connection: the previous page's `endCursor`. */
export function PageCursor(): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: true, description: 'endCursor of the previous page.' }),
    IsOptional(),
    IsString(),
    MaxLength(PAGE_CURSOR_MAX_LENGTH),
  );
}
