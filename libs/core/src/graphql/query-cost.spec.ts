import { describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  getIntrospectionQuery,
  getOperationAST,
  GraphQLObjectType,
  Kind,
  parse,
  validate,
  type FragmentDefinitionNode,
} from 'graphql';
import {
  costLimitRule,
  LIST_SIZE_EXTENSION,
  QueryCost,
  type ListSizeOptions,
} from './query-cost.js';

const schema = buildSchema(`
  type Specialty { slug: String! tracks: [String!]! parent: Specialty children: [Specialty!]! }
  type Edge { cursor: String! node: Specialty! }
  type Connection { edges: [Edge!]! totalCount: Int! }
  type Query {
    specialties: [Specialty!]!
    specialty(slug: String!): Specialty
    page(first: Int): Connection!
    undeclared: [Specialty!]!
    grid: [[Specialty!]!]!
  }
`);

function declare(typeName: string, fieldName: string, listSize: ListSizeOptions): void {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLObjectType)) throw new Error(typeName);
  const field = type.getFields()[fieldName];
  // What @ListSize does through Nest's @Extensions.
  (field as { extensions: object }).extensions = { [LIST_SIZE_EXTENSION]: listSize };
}
declare('Query', 'specialties', { max: 300 });
declare('Query', 'grid', { max: 3 });
declare('Specialty', 'children', { max: 20 });
declare('Query', 'page', {
  max: 50,
  slicingArgument: 'first',
  whenAbsent: 20,
  sizedFields: ['edges'],
});

function cost(source: string, countIntrospection = true): number {
  const document = parse(source);
  const fragments = document.definitions.filter(
    (definition): definition is FragmentDefinitionNode =>
      definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return new QueryCost(schema, fragments, countIntrospection).operation(operation);
}

describe('QueryCost', () => {
  it('counts scalars, lists of scalars and __typename once, single objects once plus their fields', () => {
    expect(cost('{ __typename specialty(slug: "a") { slug tracks parent { slug } } }')).toBe(
      1 + (1 + 1 + 1 + (1 + 1)),
    );
  });

  it('multiplies by the declared size of each list, all the way down', () => {
    expect(cost('{ specialties { slug } }')).toBe(300 * 2);
    expect(cost('{ specialties { children { slug } } }')).toBe(300 * (1 + 20 * 2));
    // The shape that passed every additive limit: each children level multiplies again.
    expect(cost('{ specialties { parent { children { parent { children { slug } } } } } }')).toBe(
      300 * (1 + 1 * (1 + 20 * (1 + 1 * (1 + 20 * 2)))),
    );
  });

  it('sizes list levels one by one, and an undeclared list as 100', () => {
    expect(cost('{ grid { slug } }')).toBe(3 * 3 * 2);
    expect(cost('{ undeclared { slug } }')).toBe(100 * 2);
  });

  it('sizes a connection by its page argument: as written, as its maximum for a variable, or its default', () => {
    const page = (size: number): number => 1 + size * (1 + 1 + (1 + 1)) + 1;
    const fields = '{ edges { cursor node { slug } } totalCount }';
    expect(cost(`{ page(first: 5) ${fields} }`)).toBe(page(5));
    expect(cost(`query($n: Int) { page(first: $n) ${fields} }`)).toBe(page(50));
    expect(cost(`{ page ${fields} }`)).toBe(page(20));
    expect(cost(`{ page(first: 1000) ${fields} }`)).toBe(page(1000));
  });

  it('counts every alias, and fragments where they are spread', () => {
    expect(cost('{ a: specialties { slug } b: specialties { slug } }')).toBe(2 * 300 * 2);
    expect(
      cost(`{ specialties { ...S ... on Specialty { children { slug } } } }
            fragment S on Specialty { slug parent { slug } }`),
    ).toBe(300 * (1 + 1 + 2 + 20 * 2));
    expect(cost(`{ page(first: 2) { ...P } } fragment P on Connection { edges { cursor } }`)).toBe(
      1 + 2 * 2,
    );
  });

  it('costs fragments that spread others twice over in linear time', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Specialty { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const started = performance.now();
    const total = cost(`{ specialty(slug: "a") { ...F0 } } ${fragments}
      fragment F${levels} on Specialty { slug }`);
    expect(total).toBe(1 + 2 ** levels);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('costs introspection by what it would return from the schema', () => {
    const types = Object.keys(schema.getTypeMap()).length;
    expect(cost('{ __schema { types { name } } }')).toBe(1 + types * 2);
    const query = schema.getQueryType()!;
    const fields = Object.keys(query.getFields()).length;
    expect(cost('{ __type(name: "Query") { fields { name } } }')).toBe(1 + fields * 2);
    // A full introspection query: real, bounded, and the same each time.
    expect(cost(getIntrospectionQuery())).toBeGreaterThan(types * 5);
    expect(cost(getIntrospectionQuery())).toBeLessThan(5000);
    expect(cost('{ __schema { types { name } } }', false)).toBe(1);
  });
});

describe('costLimitRule', () => {
  it('refuses an operation over the maximum, saying its cost and the maximum', () => {
    const errors = validate(schema, parse('query Deep { specialties { children { slug } } }'), [
      costLimitRule(10_000),
    ]);
    expect(errors.map((error) => error.message)).toEqual([
      'Cost limit exceeded: operation "Deep" costs 12,300, the maximum is 10,000. Each list multiplies the cost of what is selected inside it: select fewer nested lists, or ask for smaller pages (first).',
    ]);
    expect(errors[0]?.extensions).toEqual({ cost: 12_300, maxCost: 10_000 });
  });

  it('lets an operation at the maximum through', () => {
    expect(
      validate(schema, parse('{ specialties { children { slug } } }'), [costLimitRule(12_300)]),
    ).toEqual([]);
  });
});
