import type {
  GatewayExecutor,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  getVariableValues,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

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
export function compiledExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  // Per document (Apollo caches parsed documents, so a repeated query is the same object), then
  // per operation name. Entries go when Apollo's document cache lets the document go.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();

  const compile = (document: DocumentNode, operationName: string | null) => {
    let byName = compiled.get(document);
    if (!byName) {
      byName = new Map<string, CompiledQuery | ExecutionResult>();
      compiled.set(document, byName);
    }
    const key = operationName ?? '';
    let query = byName.get(key);
    if (!query) {
      // An ExecutionResult here is a document error (e.g. an unknown operation name): kept, so
      // the answer stays the same every time.
      query = compileQuery(schema, document, operationName ?? undefined);
      byName.set(key, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, operationName, request, context } = requestContext;
    const query = compile(document, operationName);
    if (!isCompiledQuery(query)) return query;
    const variables = request.variables ?? {};
    // graphql-js checks the variables first, as its own execute does: its errors name the
    // variable and the path inside it, and Apollo answers them with BAD_USER_INPUT.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
      maxErrors: 20,
    });
    if (coerced.errors) return { errors: coerced.errors };
    return query.query(undefined, context, variables);
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

/** Nest's Apollo driver, executing through `compiledExecutionGateway`. */
export class CompiledApolloDriver extends ApolloDriver {
  protected override registerExpress(
    options: ApolloDriverConfig,
    hooks?: { preStartHook?: () => void },
  ): Promise<void> {
    const { schema, ...rest } = options;
    if (!schema) throw new Error('CompiledApolloDriver needs the schema Nest builds');
    // Nest's config type leaves `gateway` out (its gateway driver sets one); Apollo accepts it.
    const gateway = compiledExecutionGateway(schema);
    return super.registerExpress({ ...rest, gateway } as ApolloDriverConfig, hooks);
  }
}
