import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';

const require = createRequire(import.meta.url);

/**
 * Local copies of the GraphiQL bundle (no CDN: the IDE must work offline). `defaultQuery` is
 * what the editor shows on a first visit (the app passes a runnable example).
 */
export function graphiqlAssets(defaultQuery?: string): express.Router {
  const init = initScript(defaultQuery);
  const router = express.Router();
  const graphiqlDir = dirname(require.resolve('graphiql/package.json'));
  const reactDir = dirname(require.resolve('react/package.json'));
  const reactDomDir = dirname(require.resolve('react-dom/package.json'));
  const files: Record<string, string> = {
    'graphiql.min.js': join(graphiqlDir, 'graphiql.min.js'),
    'graphiql.min.css': join(graphiqlDir, 'graphiql.min.css'),
    'react.production.min.js': join(reactDir, 'umd/react.production.min.js'),
    'react-dom.production.min.js': join(reactDomDir, 'umd/react-dom.production.min.js'),
  };
  router.get('/init.js', (_req: Request, res: Response) => {
    res.type('text/javascript').send(init);
  });
  router.get('/:file', (req: Request<{ file: string }>, res: Response, next: NextFunction) => {
    const path = files[req.params.file];
    if (!path) return next();
    res.sendFile(path, { maxAge: '1d' });
  });
  return router;
}

// A separate script (not inline) so a strict Content-Security-Policy needs no exception.
function initScript(defaultQuery: string | undefined): string {
  const props = `{ fetcher, defaultEditorToolbarTabs: 'headers'${
    defaultQuery === undefined ? '' : `, defaultQuery: ${JSON.stringify(defaultQuery)}`
  } }`;
  return `const fetcher = GraphiQL.createFetcher({
  url: '/graphql',
  headers: { 'apollo-require-preflight': 'true' },
});
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, ${props}),
);
`;
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Preceptor API · GraphiQL</title>
    <link rel="stylesheet" href="/graphiql/graphiql.min.css" />
    <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/react.production.min.js"></script>
    <script src="/graphiql/react-dom.production.min.js"></script>
    <script src="/graphiql/graphiql.min.js"></script>
    <script src="/graphiql/init.js"></script>
  </body>
</html>`;

/** Serves the IDE for browsers asking `GET /graphql`; everything else goes on to Apollo. */
export function graphiqlPage(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' || req.accepts(['application/json', 'text/html']) !== 'text/html') {
    return next();
  }
  res.type('html').send(PAGE);
}
