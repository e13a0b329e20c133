import type { GraphQLFormattedError } from 'graphql';
import { ApiErrorCode, INTERNAL_SERVER_ERROR_CODE } from '../errors/domain-error.js';

/**
 * Last line before the wire: no stack traces or internals ever leave, and every error carries a
 * code. Resolver errors were already mapped by GraphqlExceptionFilter; this also covers errors
 * raised by Apollo and graphql-js (parse, validation, variable coercion, query limits).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const {
    stacktrace: _stacktrace,
    exception: _exception,
    // Response headers for Apollo's HTTP path, which takes them out before this runs; other
    // transports (websockets) must not send them either.
    http: _http,
    ...extensions
  } = formatted.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
  if (!code || (code === INTERNAL_SERVER_ERROR_CODE && !('requestId' in extensions))) {
    return {
      message: 'Something went wrong on our side.',
      extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR },
      ...(formatted.path ? { path: formatted.path } : {}),
    };
  }
  return { ...formatted, extensions: { ...extensions, code } };
}
