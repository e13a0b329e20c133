import { Extensions } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  __Schema,
  __Type,
} from 'graphql';

/** The field extension under which `@ListSize` declares how long a list can be. */
export const LIST_SIZE_EXTENSION = 'listSize';

/** How long a list can be, declared where the field is (see `ListSize`). */
export interface ListSizeOptions {
  /** The most items the list holds. */
  max: number;
  /**
   * A page-size argument such as `first`: written in the document, its value counts; sent as a
   * variable, `max` counts (the document is checked once, whatever the variables); absent,
   * `whenAbsent` counts.
   */
  slicingArgument?: string;
  whenAbsent?: number;
  /**
   * Lists inside the returned object that the argument sizes (a Relay connection's `edges`), when
   * the field itself is not the list.
   */
  sizedFields?: string[];
}

/** Declares how many items a list field can return; the query cost multiplies by it. */
export function ListSize(options: number | ListSizeOptions): PropertyDecorator & MethodDecorator {
  const value: ListSizeOptions = typeof options === 'number' ? { max: options } : options;
  return Extensions({ [LIST_SIZE_EXTENSION]: value });
}

/** A list nobody declared a size for counts as this many items (a contract test asks for one). */
export const UNDECLARED_LIST_SIZE = 100;

function listSizeOf(field: GraphQLField<unknown, unknown>): ListSizeOptions | undefined {
  const value = (field.extensions as Record<string, unknown> | undefined)?.[LIST_SIZE_EXTENSION];
  return value && typeof value === 'object' ? (value as ListSizeOptions) : undefined;
}

/** How many list levels wrap a type: `[[T]]` is 2, `T` is 0. */
function listDepth(type: GraphQLOutputType): number {
  let depth = 0;
  for (let current = getNullableType(type); isListType(current);) {
    depth += 1;
    current = getNullableType(current.ofType);
  }
  return depth;
}

function sliceSize(node: FieldNode, options: ListSizeOptions): number {
  const argument = node.arguments?.find((arg) => arg.name.value === options.slicingArgument);
  if (!argument) return options.whenAbsent ?? options.max;
  if (argument.value.kind === Kind.INT) return Math.max(0, Number(argument.value.value));
  // A variable (or a null): whatever the request sends, at most max gets past input validation.
  return options.max;
}

/**
 * The cost of an operation: for each selected field, `size × (1 + cost of what it selects)`,
 * where `size` is 1 for a single object and the list's declared size for a list of objects;
 * scalars, enums and lists of them cost 1. It multiplies along nested lists, so it bounds the
 * objects an answer can hold (and the resolver calls it takes), not just the fields written.
 * Aliases count once each, fragments count where they are spread, and introspection counts
 * what it would return from this schema.
 */
export class QueryCost {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly fragmentCosts = new Map<string, number>();
  private readonly visiting = new Set<string>();
  private readonly introspectionCosts = new Map<SelectionSetNode, WeakMap<object, number>>();

  constructor(
    private readonly schema: GraphQLSchema,
    fragments: readonly FragmentDefinitionNode[],
    /** Off where introspection is refused anyway: `__schema` and `__type` then cost 1. */
    private readonly countIntrospection = true,
  ) {
    for (const fragment of fragments) this.fragments.set(fragment.name.value, fragment);
  }

  operation(operation: OperationDefinitionNode): number {
    const root = this.schema.getRootType(operation.operation);
    return root ? this.selections(operation.selectionSet, root, undefined) : 0;
  }

  private selections(
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType,
    sized: ReadonlyMap<string, number> | undefined,
  ): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          cost += this.field(selection, parentType, sized);
          break;
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition?.name.value;
          const type = (condition && this.schema.getType(condition)) || parentType;
          cost += this.selections(selection.selectionSet, type, sized);
          break;
        }
        case Kind.FRAGMENT_SPREAD:
          cost += this.fragment(selection.name.value, sized);
          break;
      }
    }
    return cost;
  }

  /** Each fragment is costed once per sizing context, so nesting spreads cannot blow up. */
  private fragment(name: string, sized: ReadonlyMap<string, number> | undefined): number {
    const fragment = this.fragments.get(name);
    // Unknown or cyclic fragments are reported by graphql-js's own rules.
    if (!fragment || this.visiting.has(name)) return 0;
    const key = sized ? `${name}|${[...sized].join(',')}` : name;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known;
    const type = this.schema.getType(fragment.typeCondition.name.value);
    if (!type) return 0;
    this.visiting.add(name);
    const cost = this.selections(fragment.selectionSet, type, sized);
    this.visiting.delete(name);
    this.fragmentCosts.set(key, cost);
    return cost;
  }

  private field(
    node: FieldNode,
    parentType: GraphQLNamedType,
    sized: ReadonlyMap<string, number> | undefined,
  ): number {
    const name = node.name.value;
    if (name === '__typename') return 1;
    if ((name === '__schema' || name === '__type') && !this.countIntrospection) return 1;
    if (name === '__schema' && node.selectionSet) {
      return 1 + this.introspection(node.selectionSet, __Schema, this.schema);
    }
    if (name === '__type' && node.selectionSet) {
      return 1 + this.typeIntrospection(node, node.selectionSet);
    }
    if (!isObjectType(parentType) && !isInterfaceType(parentType)) return 1;
    const field = parentType.getFields()[name];
    // An unknown field is reported by graphql-js's own rules.
    if (!field || !node.selectionSet) return 1;
    const options = listSizeOf(field);
    let size = 1;
    let childSized: Map<string, number> | undefined;
    if (options?.slicingArgument && options.sizedFields?.length) {
      const slice = sliceSize(node, options);
      childSized = new Map(options.sizedFields.map((sizedField) => [sizedField, slice]));
    }
    const depth = listDepth(field.type);
    if (depth > 0) {
      const declared = options?.slicingArgument ? sliceSize(node, options) : options?.max;
      size = (sized?.get(name) ?? declared ?? UNDECLARED_LIST_SIZE) ** depth;
    }
    return size * (1 + this.selections(node.selectionSet, getNamedType(field.type), childSized));
  }

  /** `__type(name:)`: the named type's answer; with the name in a variable, the largest one. */
  private typeIntrospection(node: FieldNode, selectionSet: SelectionSetNode): number {
    const argument = node.arguments?.find((arg) => arg.name.value === 'name');
    if (argument?.value.kind === Kind.STRING) {
      const type = this.schema.getType(argument.value.value);
      return type ? this.introspection(selectionSet, __Type, type) : 0;
    }
    let largest = 0;
    for (const type of Object.values(this.schema.getTypeMap())) {
      largest = Math.max(largest, this.introspection(selectionSet, __Type, type));
    }
    return largest;
  }

  /**
   * Introspection is costed by walking what it would return: graphql-js's own introspection
   * resolvers run over this schema (they only read it), once per selection and schema object.
   */
  private introspection(
    selectionSet: SelectionSetNode,
    type: GraphQLObjectType,
    value: object,
  ): number {
    let byValue = this.introspectionCosts.get(selectionSet);
    if (!byValue) {
      byValue = new WeakMap();
      this.introspectionCosts.set(selectionSet, byValue);
    }
    const known = byValue.get(value);
    if (known !== undefined) return known;
    byValue.set(value, 0); // a cycle through fragments costs nothing more; graphql-js reports it
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += this.introspection(selection.selectionSet, type, value);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments.get(selection.name.value);
        if (fragment) cost += this.introspection(fragment.selectionSet, type, value);
      } else {
        cost += this.introspectionField(selection, type, value);
      }
    }
    byValue.set(value, cost);
    return cost;
  }

  private introspectionField(node: FieldNode, type: GraphQLObjectType, value: object): number {
    const field = type.getFields()[node.name.value];
    const childType = field && getNamedType(field.type);
    if (!field?.resolve || !node.selectionSet || !isObjectType(childType)) {
      return 1;
    }
    const info = { schema: this.schema } as GraphQLResolveInfo;
    const result: unknown = field.resolve(value, { includeDeprecated: true }, undefined, info);
    const items = Array.isArray(result) ? (result as unknown[]) : [result];
    let cost = 0;
    for (const item of items) {
      cost += 1;
      if (item !== null && typeof item === 'object') {
        cost += this.introspection(node.selectionSet, childType, item);
      }
    }
    return Math.max(cost, 1);
  }
}

function formatCost(cost: number): string {
  return Number.isFinite(cost) ? Math.round(cost).toLocaleString('en-US') : 'unbounded';
}

/**
 * Refuses, while validating (so before anything runs, and once per document: Apollo caches
 * validated documents), an operation whose cost (see `QueryCost`) is over `maxCost`.
 */
export function costLimitRule(maxCost: number, countIntrospection = true): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = context
      .getDocument()
      .definitions.filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      );
    const costs = new QueryCost(context.getSchema(), fragments, countIntrospection);
    return {
      OperationDefinition(operation) {
        const cost = costs.operation(operation);
        if (cost > maxCost) {
          const name = operation.name ? `operation "${operation.name.value}"` : 'the operation';
          context.reportError(
            new GraphQLError(
              `Cost limit exceeded: ${name} costs ${formatCost(cost)}, the maximum is ${formatCost(maxCost)}. ` +
                'Each list multiplies the cost of what is selected inside it: select fewer nested lists, or ask for smaller pages (first).',
              {
                nodes: [operation],
                extensions: { cost: Math.min(cost, Number.MAX_SAFE_INTEGER), maxCost },
              },
            ),
          );
        }
        return false;
      },
    };
  };
}
