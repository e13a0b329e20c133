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

/** One request, run again and again through one gateway's executor (as Apollo would). */
async function executorFor(
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
  return () => executor(requestContext);
}

/** Runs one request three times through one gateway: interpreted, then compiled. */
async function runs(
  source: string,
  variables: Record<string, unknown> = {},
  operationName: string | null = null,
  document: DocumentNode = parse(source),
) {
  const run = await executorFor(schema, source, variables, operationName, document);
  const results = [];
  for (let i = 0; i < 3; i++) results.push(JSON.parse(JSON.stringify(await run())) as unknown);
  return results;
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
    [
      'bad variables, naming the variable and the path inside it',
      'query($f: Filter) { mentors(filter: $f) { id } }',
      { f: { tracks: ['SURGEON'], first: 'ten' } },
    ],
  ])(
    'answers %s as graphql-js does, interpreted and compiled',
    async (_case, source, variables) => {
      const expected = JSON.parse(
        JSON.stringify(
          await execute({ schema, document: parse(source), variableValues: variables }),
        ),
      ) as unknown;
      expect(await runs(source, variables)).toEqual([expected, expected, expected]);
    },
  );

  it('keeps what Apollo needs to answer bad variables with BAD_USER_INPUT, once compiled', async () => {
    const run = await executorFor(schema, 'query($f: Filter) { mentors(filter: $f) { id } }', {
      f: { tracks: ['SURGEON'] },
    });
    await run();
    const compiled = await run();
    expect(compiled?.errors?.[0]?.message).toContain(
      'Variable "$f" got invalid value "SURGEON" at "f.tracks[0]"',
    );
    expect(compiled?.errors?.[0]?.nodes?.map((node) => node.kind)).toEqual([
      Kind.VARIABLE_DEFINITION,
    ]);
  });

  it('interprets a document once, then runs it compiled', async () => {
    // The one known difference shows which ran: graphql-js calls a function found in a property
    // without a resolver, graphql-jit does not (our models hold values; computed fields resolve).
    const withFunction = buildSchema('type Answer { value: Int } type Query { answer: Answer }');
    const answer = withFunction.getQueryType()?.getFields().answer;
    if (answer) answer.resolve = () => ({ value: () => 42 });
    const run = await executorFor(withFunction, '{ answer { value } }');
    expect(await run()).toEqual({ data: { answer: { value: 42 } } });
    const compiled = await run();
    expect(compiled?.data).toEqual({ answer: { value: null } });
    expect(compiled?.errors?.[0]?.message).toMatch(/Int cannot represent/);
  });

  it('answers an operation name the document does not have, and runs nothing', async () => {
    const gateway = compiledExecutionGateway(schema);
    const { executor } = await gateway.load({ apollo: { keyHash: '', graphRef: '' } });
    const source = 'query A { mentors { id } }';
    // What Apollo hands over when getOperationAST finds no operation by the requested name.
    const requestContext = {
      document: parse(source),
      operation: undefined,
      operationName: null,
      request: { query: source, operationName: 'B' },
      context: {},
    } as unknown as GatewayGraphQLRequestContext;
    for (let run = 0; run < 3; run++) {
      const result = await executor!(requestContext);
      expect(result.data).toBeUndefined();
      expect(result.errors?.map((error) => error.message)).toEqual([
        'Unknown operation named "B": the document has no operation by that name.',
      ]);
    }
  });

  it('runs the operation named in a document with several', async () => {
    const source = 'query A { mentors { id } } query B { mentor(id: "2") { name } }';
    const document = parse(source);
    expect(await runs(source, {}, 'B', document)).toEqual(
      Array(3).fill({ data: { mentor: { name: 'Ben' } } }),
    );
    expect(await runs(source, {}, 'A', document)).toEqual(
      Array(3).fill({ data: { mentors: [{ id: '1' }, { id: '2' }] } }),
    );
  });
});
