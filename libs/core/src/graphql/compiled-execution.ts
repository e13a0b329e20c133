import type { Server } from 'node:http';
import type {
  GatewayExecutor,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { Express } from 'express';
import {
  execute,
  getVariableValues,
  GraphQLError,
  printSchema,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { apolloExpressHandler, type ExpressContextFunction } from './apollo-express.js';

/**
 * Runs operations compiled by graphql-jit instead of interpreted by graphql-js.
 *
 * graphql-js walks the document for every field of every row: a page of 20 profiles resolves
 * ~600 fields, each with its own resolve-info and path objects. graphql-jit turns each document
 * into a JavaScript function once, which runs the same resolvers with ~15% fewer instructions per
 * request here (measured with callgrind; see docs/architecture.md).
 *
 * Apollo Server has one seam for a custom executor: the gateway interface (built for
 * federation). This gateway serves the schema Nest built, unchanged, and executes with it.
 * Parsing, validation (including the query limits), plugins and error formatting stay Apollo's.
 *
 * Unlike graphql-js, a field without a resolver reads its property and never calls it: models
 * hold values (or getters), and fields that compute have resolvers.
 */
/**
 * Compiling costs more than one interpreted run (1.6 ms against ~0.2 ms for the mentors page,
 * 8.6 ms for an introspection query), so a document is compiled on its second run: one-off and
 * hostile documents are interpreted, the queries clients repeat are compiled.
 */
const COMPILE_ON_RUN = 2;

interface Operation {
  runs: number;
  compiled?: CompiledQuery;
}

export function compiledExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  // Per document (Apollo caches parsed documents, so a repeated query is the same object), then
  // per operation name. Entries go when Apollo's document cache lets the document go.
  const operations = new WeakMap<DocumentNode, Map<string, Operation>>();
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();

  const operationOf = (document: DocumentNode, operationName: string | null): Operation => {
    let byName = operations.get(document);
    if (!byName) {
      byName = new Map<string, Operation>();
      operations.set(document, byName);
    }
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) {
      entry = { runs: 0 };
      byName.set(key, entry);
    }
    return entry;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, operationName, request, context } = requestContext;
    // Apollo found no operation to run: the name matches none in the document, or none was
    // given for a document with several. Answered before any cache entry is made for it (Apollo
    // turns the error into a 400 OPERATION_RESOLUTION_FAILURE), never run as another operation.
    if (!operation) return { errors: [unresolvedOperation(request.operationName)] };
    const variables = request.variables ?? {};
    const entry = operationOf(document, operationName);
    entry.runs += 1;
    if (!entry.compiled && entry.runs >= COMPILE_ON_RUN) {
      const compiled = compileQuery(schema, document, operationName ?? undefined);
      // Otherwise a document error, which graphql-js reports below as it always has.
      if (isCompiledQuery(compiled)) entry.compiled = compiled;
    }
    if (!entry.compiled) {
      return execute({
        schema,
        document,
        operationName,
        variableValues: variables,
        contextValue: context,
      });
    }
    // graphql-js checks the variables first, as its own execute does: its errors name the
    // variable and the path inside it, and Apollo answers them with BAD_USER_INPUT.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
      maxErrors: 20,
    });
    if (coerced.errors) return { errors: coerced.errors };
    return entry.compiled.query(undefined, context, variables);
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    load() {
      const coreSupergraphSdl = printSchema(schema);
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl });
      return Promise.resolve({ executor });
    },
    stop() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}

function unresolvedOperation(requested: string | undefined): GraphQLError {
  return new GraphQLError(
    requested
      ? `Unknown operation named "${requested}": the document has no operation by that name.`
      : 'Must provide operation name if query contains multiple operations.',
  );
}

/**
 * Nest's Apollo driver, executing through `compiledExecutionGateway` and answering through
 * `apolloExpressHandler`. Otherwise what Nest's `registerExpress` does: an empty body for requests
 * without one, the drain plugin (Apollo stops after in-flight requests on shutdown), the
 * pre-start hook, and the handler mounted on the GraphQL path.
 */
export class CompiledApolloDriver extends ApolloDriver {
  protected override async registerExpress(
    options: ApolloDriverConfig,
    hooks?: { preStartHook?: () => void },
  ): Promise<void> {
    const { schema, path = '/graphql', plugins = [], ...rest } = options;
    // Nest wraps the configured context function; its type here is Apollo's untyped one.
    const context = (options.context ?? (() => ({}))) as ExpressContextFunction;
    if (!schema) throw new Error('CompiledApolloDriver needs the schema Nest builds');
    const { httpAdapter } = this.httpAdapterHost;
    hooks?.preStartHook?.();
    // Nest's config type leaves `gateway` out (its gateway driver sets one); Apollo accepts it.
    const server = new ApolloServer<BaseContext>({
      ...rest,
      gateway: compiledExecutionGateway(schema),
      plugins: [
        ...plugins,
        ApolloServerPluginDrainHttpServer({ httpServer: httpAdapter.getHttpServer() as Server }),
      ],
    } as ConstructorParameters<typeof ApolloServer<BaseContext>>[0]);
    await server.start();
    httpAdapter.getInstance<Express>().use(path, apolloExpressHandler(server, context));
    this.apolloServer = server;
  }
}
