import { describe, expect, it } from '@jest/globals';
import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { selectsField, selectsOnly } from './selection.js';

/** The resolve info of the operation's first top-level field, as far as selections go. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe('selectsOnly', () => {
  it('is true when every selected field is listed', () => {
    expect(selectsOnly(infoOf('{ me { id } }'), ['id', 'roles'])).toBe(true);
    expect(
      selectsOnly(infoOf('{ me { __typename id roles } }'), ['__typename', 'id', 'roles']),
    ).toBe(true);
  });

  it('is false as soon as one selected field is not, fragments included', () => {
    expect(selectsOnly(infoOf('{ me { id email } }'), ['id', 'roles'])).toBe(false);
    expect(selectsOnly(infoOf('{ me { id ... on User { fullName } } }'), ['id'])).toBe(false);
    expect(
      selectsOnly(infoOf('query { me { id ...More } } fragment More on User { createdAt }'), [
        'id',
      ]),
    ).toBe(false);
  });

  it('agrees with selectsField on the same selection', () => {
    const info = infoOf('query { me { ...Who } } fragment Who on User { id roles }');
    expect(selectsField(info, 'roles')).toBe(true);
    expect(selectsOnly(info, ['id', 'roles'])).toBe(true);
    expect(selectsOnly(info, ['id'])).toBe(false);
  });
});
