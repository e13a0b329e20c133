import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selects(
  selectionSet: SelectionSetNode | undefined,
  name: string,
  info: GraphQLResolveInfo,
): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name;
      case Kind.INLINE_FRAGMENT:
        return selects(selection.selectionSet, name, info);
      case Kind.FRAGMENT_SPREAD:
        return selects(info.fragments[selection.name.value]?.selectionSet, name, info);
    }
  });
}

/** Whether the client asked for `name` directly under the field being resolved; skips work nobody reads. */
export function selectsField(info: GraphQLResolveInfo, ...names: string[]): boolean {
  return info.fieldNodes.some((node) =>
    names.some((name) => selects(node.selectionSet, name, info)),
  );
}
