import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_ENV } from '../config/config.module.js';
import type { AppEnv } from '../config/env.js';
import { CompiledApolloDriver } from './compiled-execution.js';
import { formatGraphqlError } from './format-error.js';
import type { GraphqlContext } from './graphql-context.js';
import { GraphqlExceptionFilter } from './graphql-exception.filter.js';
import { inputTextPlugin } from './input-text.js';
import { costLimitRule } from './query-cost.js';

export function graphqlOptions(env: AppEnv): ApolloDriverConfig {
  // Query limits, answered with GRAPHQL_VALIDATION_FAILED: graphql-armor for depth, aliases,
  // document size and directives; our own cost rule, which multiplies by list sizes (armor's adds
  // fields up, so a few nested lists of specialties passed it while asking for millions of objects).
  const armor = new ApolloArmor({
    maxDepth: { n: env.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: env.GRAPHQL_MAX_ALIASES },
    costLimit: { enabled: false },
    maxTokens: { n: env.GRAPHQL_MAX_TOKENS },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: env.isProduction },
  });
  const protection = armor.protect();
  const introspection = !env.isProduction;
  return {
    autoSchemaFile: true,
    sortSchema: true,
    // The IDE is served from local assets by the app (see graphiql.ts), never from a CDN.
    graphiql: false,
    introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    context: ({ req, res }: Pick<GraphqlContext, 'req' | 'res'>): GraphqlContext => ({
      req,
      res,
      cache: new Map(),
    }),
    formatError: formatGraphqlError,
    validationRules: [
      ...protection.validationRules,
      // Costing introspection walks the schema (~5 ms for GraphiQL's query): not where it is refused.
      costLimitRule(env.GRAPHQL_MAX_COST, introspection),
    ],
    // Two copies of Apollo's HeaderMap type meet here; the plugins are the same objects.
    plugins: [
      ...(protection.plugins as unknown as NonNullable<ApolloDriverConfig['plugins']>),
      inputTextPlugin(),
      // We send no cache hints; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
    ],
  };
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: CompiledApolloDriver,
      inject: [APP_ENV],
      useFactory: graphqlOptions,
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphqlExceptionFilter }],
})
export class CoreGraphqlModule {}
