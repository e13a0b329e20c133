import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  APP_ENV,
  type AppEnv,
  createHttpLogger,
  createValidationPipe,
  graphiqlAssets,
  graphiqlPage,
  jsonBody,
  PinoLoggerService,
  ROOT_LOGGER,
} from '@preceptor/core';
import { SEED_PASSWORD, seedEmail } from '@preceptor/seed';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';

/** What GraphiQL opens on: log in as the demo mentee, then ask for matches. */
function exampleDocument(): string {
  const email = seedEmail('mentee', 1);
  return `# Preceptor: who should mentor me?
#
# 1. Run "LogIn" as the demo mentee (demo data is seeded into an empty database at start),
#    or change the email and password to your own account's.
# 2. Open the Headers pane below and paste {"Authorization": "Bearer <accessToken>"}.
# 3. Run "MyMatches": ranked mentors, each with a score, its breakdown and the reasons.

mutation LogIn {
  logIn(input: { email: "${email}", password: "${SEED_PASSWORD}" }) {
    accessToken
  }
}

query MyMatches {
  matches(first: 5) {
    edges {
      node {
        score
        reasons
        caveats
        mentor { fullName headline track careerStage specialties { name } }
        breakdown { criterion weight value contribution }
      }
    }
  }
}
`;
}

/** Builds the API application (not yet listening); shared by main.ts and the e2e tests. */
export async function createApp(): Promise<NestExpressApplication> {
  // Our own JSON parser (below), so what it refuses is answered as a client error.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
    // A start-up failure (a bad variable, an unreachable database) is thrown to the caller, which
    // says what went wrong (main.ts) or asserts on it (tests), instead of process.abort().
    abortOnError: false,
  });
  const env = app.get<AppEnv>(APP_ENV);
  const logger = app.get<Logger>(ROOT_LOGGER);
  app.useLogger(new PinoLoggerService(logger));
  app.use(createHttpLogger(logger));
  app.use(...jsonBody(logger));
  app.useGlobalPipes(createValidationPipe());
  // Validated in env.ts: a hop count or the proxies' addresses, never "trust anyone".
  app.set('trust proxy', env.TRUST_PROXY);
  app.disable('x-powered-by');
  // GraphQL answers are POST responses no client revalidates: hashing each body for an ETag is
  // work for nobody. (Static IDE assets set their own.)
  app.set('etag', false);
  if (env.GRAPHIQL) {
    // Mounted before init() so it precedes Apollo's handler on GET /graphql.
    app.use('/graphiql', graphiqlAssets(exampleDocument()));
    app.use('/graphql', graphiqlPage);
  }
  return app;
}
