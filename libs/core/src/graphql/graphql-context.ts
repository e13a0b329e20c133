import type { Request, Response } from 'express';

/** Per-request GraphQL context: the HTTP pair plus per-request caches other libraries attach. */
export interface GraphqlContext {
  req: Request & { id?: string | number; user?: unknown };
  res: Response;
  /** Lazily created per-request singletons (DataLoaders); see `perRequest`. */
  cache: Map<symbol, unknown>;
}

/** Returns the per-request instance for `key`, creating it on first use in this request. */
export function perRequest<T>(context: GraphqlContext, key: symbol, create: () => T): T {
  if (!context.cache.has(key)) context.cache.set(key, create());
  return context.cache.get(key) as T;
}
