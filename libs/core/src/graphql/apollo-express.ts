import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';

/** The GraphQL context made from the HTTP pair (Nest wraps the configured one). */
export type ExpressContextFunction = (http: { req: Request; res: Response }) => unknown;

/** The query string of a request path, `?` included (what `url.parse(path).search` gives). */
export function searchOf(path: string): string {
  const fragment = path.indexOf('#');
  const end = fragment < 0 ? path.length : fragment;
  const query = path.indexOf('?');
  return query < 0 || query > end ? '' : path.slice(query, end);
}

/**
 * Apollo Server's Express handler (what `@as-integrations/express5` does), without the parts
 * that cost every request and do nothing here: the legacy `url.parse` of the whole URL for its
 * query string, and Express's `res.send`, which turns the answer into a Buffer (so that headers
 * and body leave in two chunks), looks up freshness and content types. The body leaves as the
 * string Apollo wrote, in one write with its headers. A request without a parsed body reaches
 * Apollo with an empty one, as Nest's driver arranges with a middleware of its own.
 */
export function apolloExpressHandler(
  server: ApolloServer<BaseContext>,
  context: ExpressContextFunction,
): RequestHandler {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: searchOf(req.url),
        body: (req.body as unknown) ?? {},
      },
      context: () => Promise.resolve(context({ req, res }) as BaseContext),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const body = response.body.string;
      if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    // Incremental delivery (@defer, @stream): chunks as they come.
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
