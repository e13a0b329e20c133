import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  execute,
  getOperationAST,
  GraphQLError,
  GraphQLObjectType,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { compiledExecutionGateway } from './compiled-execution.js';

const schema = buildSchema(`
  enum Track { NURSING PHYSICIAN }
  input Filter { tracks: [Track!] first: Int }
  type Mentor { id: ID! name: String! track: Track! headline: String failing: String! }
  type Query { mentors(filter: Filter): [Mentor!]! mentor(id: ID!): Mentor }
`);

const MENTORS = [
  { id: '1', name: 'Ana', track: 'NURSING', headline: null },
  { id: '2', name: 'Ben', track: 'PHYSICIAN', headline: 'Cardiologist' },
];

const rootValue = {
  mentors: ({ filter }: { filter?: { tracks?: string[]; first?: number } }) =>
    MENTORS.filter((m) => !filter?.tracks || filter.tracks.includes(m.track)).slice(
      0,
      filter?.first ?? 10,
    ),
  mentor: ({ id }: { id: string }) => MENTORS.find((m) => m.id === id),
};

// Resolvers live on the root value here; the gateway passes none, so wrap them as field resolvers.
for (const [name, resolve] of Object.entries(rootValue)) {
  const field = schema.getQueryType()?.getFields()[name];
  if (field) field.resolve = (_source, args) => (resolve as (a: unknown) => unknown)(args);
}
const mentorType = schema.getType('Mentor');
if (mentorType instanceof GraphQLObjectType) {
  const failing = mentorType.getFields().failing;
  if (failing) {
    failing.resolve = () => {
      throw new GraphQLError('not yours', { extensions: { code: 'FORBIDDEN' } });
    };
  }
}

async function run(
  gatewaySchema: GraphQLSchema,
  source: string,
  variables: Record<string, unknown> = {},
  operationName: string | null = null,
  document: DocumentNode = parse(source),
) {
  const gateway = compiledExecutionGateway(gatewaySchema);
  const { executor } = await gateway.load({ apollo: { keyHash: '', graphRef: '' } });
  const operation = getOperationAST(document, operationName);
  if (!executor || !operation) throw new Error('no executor or operation');
  const requestContext = {
    document,
    operation,
    operationName,
    request: { query: source, variables },
    context: {},
  } as unknown as GatewayGraphQLRequestContext;
  return executor(requestContext);
}

describe('compiledExecutionGateway', () => {
  it('hands Apollo the schema it was given', async () => {
    const gateway = compiledExecutionGateway(schema);
    const seen: GraphQLSchema[] = [];
    gateway.onSchemaLoadOrUpdate(({ apiSchema }) => seen.push(apiSchema));
    await gateway.load({ apollo: { keyHash: '', graphRef: '' } });
    expect(seen).toEqual([schema]);
  });

  it.each([
    ['fields, aliases and variables', '{ mentors { id name track headline } }', {}],
    [
      'fragments, @include and @skip',
      `query($all: Boolean!) { first: mentors(filter: { first: 1 }) { ...m } rest: mentors {
         id @skip(if: $all) name @include(if: $all) } }
       fragment m on Mentor { id track }`,
      { all: true },
    ],
    [
      'input variables',
      'query($f: Filter) { mentors(filter: $f) { id } }',
      { f: { tracks: ['PHYSICIAN'] } },
    ],
    [
      'errors thrown by resolvers, with their extensions and null propagation',
      '{ mentor(id: "1") { id failing } }',
      {},
    ],
  ])('answers %s as graphql-js does', async (_case, source, variables) => {
    const expected = await execute({ schema, document: parse(source), variableValues: variables });
    const actual = await run(schema, source, variables);
    expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('reports bad variables as graphql-js does, naming the variable and the path inside it', async () => {
    const source = 'query($f: Filter) { mentors(filter: $f) { id } }';
    const result = await run(schema, source, { f: { tracks: ['SURGEON'], first: 'ten' } });
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((e) => e.message)).toEqual([
      expect.stringContaining('Variable "$f" got invalid value "SURGEON" at "f.tracks[0]"'),
      expect.stringContaining('Variable "$f" got invalid value "ten" at "f.first"'),
    ]);
    // What Apollo looks for to answer BAD_USER_INPUT.
    expect(result.errors?.[0]?.nodes?.map((node) => node.kind)).toEqual([Kind.VARIABLE_DEFINITION]);
  });

  it('runs the operation named in a document with several', async () => {
    const source = 'query A { mentors { id } } query B { mentor(id: "2") { name } }';
    const document = parse(source);
    expect(await run(schema, source, {}, 'B', document)).toEqual({
      data: { mentor: { name: 'Ben' } },
    });
    expect(await run(schema, source, {}, 'A', document)).toEqual({
      data: { mentors: [{ id: '1' }, { id: '2' }] },
    });
  });
});
