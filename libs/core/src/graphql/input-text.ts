import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { CommonError } from '../errors/domain-error.js';

/**
 * Control characters no text input may hold: C0 controls other than tab, line feed and carriage
 * return, and DEL. PostgreSQL refuses U+0000 in text outright; the others are never typed by a
 * person, and in names or bios they only garble what other people (and our logs) read.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface ControlCharacterProblem {
  /** Where the string sits, from the argument: `input.fullName`, `input.contact.links[0]`. */
  field: string;
  codePoint: number;
  /** 1-based position of the character in its string. */
  position: number;
}

function inString(value: string, field: string): ControlCharacterProblem | undefined {
  const match = CONTROL_CHARACTER.exec(value);
  if (!match) return undefined;
  return { field, codePoint: match[0].charCodeAt(0), position: match.index + 1 };
}

/** The first control character in a JSON value (a variable's value), with its path. */
export function findControlCharacter(
  value: unknown,
  path: string,
): ControlCharacterProblem | undefined {
  if (typeof value === 'string') return inString(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findControlCharacter(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** What one operation's document says about its text inputs; computed once per document. */
interface OperationInputs {
  /** A control character written in the document itself (a literal argument). */
  literal?: ControlCharacterProblem;
  /** Where each variable is first used, as an argument path (`$i` in `signUp(input: $i)`: `input`). */
  variablePaths: Map<string, string>;
}

function operationInputs(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationInputs {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const inputs: OperationInputs = { variablePaths: new Map() };
  const visitedFragments = new Set<string>();

  const visitValue = (value: ValueNode, path: string): void => {
    switch (value.kind) {
      case Kind.STRING:
        inputs.literal ??= inString(value.value, path);
        return;
      case Kind.LIST:
        value.values.forEach((item, i) => visitValue(item, `${path}[${i}]`));
        return;
      case Kind.OBJECT:
        for (const field of value.fields) visitValue(field.value, `${path}.${field.name.value}`);
        return;
      case Kind.VARIABLE:
        if (!inputs.variablePaths.has(value.name.value)) {
          inputs.variablePaths.set(value.name.value, path);
        }
        return;
      case Kind.INT:
      case Kind.FLOAT:
      case Kind.BOOLEAN:
      case Kind.NULL:
      case Kind.ENUM:
        return;
    }
  };

  const visitSelections = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      for (const directive of selection.directives ?? []) {
        for (const argument of directive.arguments ?? []) {
          visitValue(argument.value, argument.name.value);
        }
      }
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) {
          visitValue(argument.value, argument.name.value);
        }
        if (selection.selectionSet) visitSelections(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visitSelections(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !visitedFragments.has(name)) {
          visitedFragments.add(name);
          visitSelections(fragment.selectionSet);
        }
      }
    }
  };

  visitSelections(operation.selectionSet);
  // A variable's default is a literal too; it counts where the variable is used.
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) {
      const name = definition.variable.name.value;
      visitValue(definition.defaultValue, inputs.variablePaths.get(name) ?? `$${name}`);
    }
  }
  return inputs;
}

/**
 * The first control character in any text an operation receives, written in the document or
 * sent as a variable, at any depth of input objects and lists.
 */
export function controlCharacterIn(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  cache?: WeakMap<OperationDefinitionNode, OperationInputs>,
): ControlCharacterProblem | undefined {
  let inputs = cache?.get(operation);
  if (!inputs) {
    inputs = operationInputs(document, operation);
    cache?.set(operation, inputs);
  }
  if (inputs.literal) return inputs.literal;
  if (!variables) return undefined;
  // Only the variables the operation declares reach a resolver; graphql-js ignores the rest.
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!(name in variables)) continue;
    const found = findControlCharacter(
      variables[name],
      inputs.variablePaths.get(name) ?? `$${name}`,
    );
    if (found) return found;
  }
  return undefined;
}

export function controlCharacterError(problem: ControlCharacterProblem): GraphQLError {
  const codePoint = `U+${problem.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const error = CommonError.invalidInput([
    {
      field: problem.field,
      message: `must not contain control characters (${codePoint} at character ${problem.position}); tab, line feed and carriage return are allowed`,
    },
  ]);
  return new GraphQLError(error.message, {
    extensions: {
      code: error.apiCode,
      reason: error.reason,
      ...error.details,
      http: { status: 400 },
    },
  });
}

/**
 * Refuses, before anything runs, an operation whose text inputs hold a control character (see
 * CONTROL_CHARACTER): one check for every argument of every field, literal or variable, instead
 * of a rule on each input field. HTTP 400 BAD_USER_INPUT, `extensions.field` naming the path.
 */
export function inputTextPlugin(): ApolloServerPlugin {
  // Per operation node: Apollo caches parsed documents, so a repeated query is analysed once.
  const cache = new WeakMap<OperationDefinitionNode, OperationInputs>();
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request }) {
          if (!operation) return Promise.resolve();
          const problem = controlCharacterIn(document, operation, request.variables, cache);
          if (problem) throw controlCharacterError(problem);
          return Promise.resolve();
        },
      });
    },
  };
}
