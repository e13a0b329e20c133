import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import { toGraphQLError } from '../errors/to-graphql-error.js';
import type { GraphqlContext } from './graphql-context.js';

/** Turns whatever a resolver, guard or pipe throws into a client-facing GraphQL error. */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError {
    const context = GqlArgumentsHost.create(host).getContext<GraphqlContext | undefined>();
    return toGraphQLError(exception, context?.req?.id?.toString(), this.logger);
  }
}
