// The two lower rungs of `npm run bench:floor`, each a process of its own as the API is:
//
//   node dist/infra/bench/floor-servers.js bare PORT     fixed JSON from node:http (the transport)
//   node dist/infra/bench/floor-servers.js graphql PORT  graphql-js on the API's printed schema
//
// The GraphQL server is what a minimal graphql-http server does for a POST: read the body, parse
// the JSON, then parse, validate and execute the document with graphql-js (no caches, no
// plugins), and write the result. Resolvers are graphql-js's defaults, which is all
// `{ __typename }` needs. Prints "listening" once it accepts connections.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { buildSchema, graphql } from 'graphql';

const [kind, portText] = process.argv.slice(2);
const port = Number(portText);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function bareHandler(): (req: IncomingMessage, res: ServerResponse) => void {
  const answer = JSON.stringify({ data: { __typename: 'Query' } });
  return (req, res) => {
    // The body is read to its end, as any server must before it answers on a kept-alive socket.
    req.resume();
    req.on('end', () => send(res, 200, answer));
  };
}

function graphqlHandler(): (req: IncomingMessage, res: ServerResponse) => void {
  const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
  return (req, res) => {
    readBody(req)
      .then(async (text) => {
        const { query, variables, operationName } = JSON.parse(text) as {
          query: string;
          variables?: Record<string, unknown>;
          operationName?: string;
        };
        const result = await graphql({
          schema,
          source: query,
          variableValues: variables,
          operationName,
        });
        send(res, 200, JSON.stringify(result));
      })
      .catch((error: unknown) => {
        send(res, 400, JSON.stringify({ errors: [{ message: String(error) }] }));
      });
  };
}

if (kind !== 'bare' && kind !== 'graphql') {
  throw new Error('Usage: floor-servers.js bare|graphql PORT');
}
const server = createServer(
  { keepAliveTimeout: 60_000 },
  kind === 'bare' ? bareHandler() : graphqlHandler(),
);
server.listen(port, '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
