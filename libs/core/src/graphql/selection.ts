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

function fieldNames(
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  into: Set<string>,
): Set<string> {
  for (const selection of selectionSet?.selections ?? []) {
    switch (selection.kind) {
      case Kind.FIELD:
        into.add(selection.name.value);
        break;
      case Kind.INLINE_FRAGMENT:
        fieldNames(selection.selectionSet, info, into);
        break;
      case Kind.FRAGMENT_SPREAD:
        fieldNames(info.fragments[selection.name.value]?.selectionSet, info, into);
        break;
    }
  }
  return into;
}

/**
 * Whether every field the client asked for directly under the field being resolved is one of
 * `names`: a resolver that can answer those from what it already holds skips the read.
 */
export function selectsOnly(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const selected = new Set<string>();
  for (const node of info.fieldNodes) fieldNames(node.selectionSet, info, selected);
  return [...selected].every((name) => names.includes(name));
}
