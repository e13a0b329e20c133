import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonError, type FieldProblem } from '../errors/domain-error.js';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator on every input; failures become BAD_USER_INPUT naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => CommonError.invalidInput(flatten(errors)),
  });
}
