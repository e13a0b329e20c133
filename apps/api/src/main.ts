import { existsSync } from 'node:fs';
import {
  appDatabase,
  GracefulShutdown,
  HttpDrain,
  InvalidEnvironmentError,
  parseEnv,
  ShutdownState,
  takeOverShutdownSignals,
} from '@preceptor/core';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = parseEnv(process.env);

  // Signals are ours from the start: the embedded database's library would otherwise exit the
  // process on the first one, with or without an embedded database, dropping every request.
  takeOverShutdownSignals();
  const shutdown = new GracefulShutdown({
    delayMs: env.SHUTDOWN_DELAY_MS,
    timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    exit: (code) => process.exit(code),
  });
  shutdown.listen();

  const database = await appDatabase(env, (line) => console.log(line));
  const embedded = database.embedded;
  process.env['DATABASE_URL'] = database.url;

  const app = await createApp();
  const http = new HttpDrain(app.getHttpServer());
  await app.listen(env.PORT, env.HOST);
  shutdown.serving({
    beginDraining: () => {
      app.get(ShutdownState).beginDraining();
      http.beginDraining();
    },
    stopAccepting: () => http.stopAccepting(),
    drain: () => http.close(),
    // Nest's close ends the pool and the LISTEN connections; nothing uses them any more.
    release: async () => {
      await app.close();
      await embedded?.stop();
    },
    requestsInFlight: () => http.requestsInFlight,
    forceClose: () => http.forceClose(),
  });
  console.log(`Preceptor API ready at http://localhost:${env.PORT}/graphql`);
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    console.error(error.message);
  } else if (error instanceof Error) {
    // A person reads this: the reason, and what caused it, without a stack trace.
    const cause = error.cause instanceof Error ? `\n  caused by: ${error.cause.message}` : '';
    console.error(`Preceptor API failed to start: ${error.message}${cause}`);
  } else {
    console.error('Preceptor API failed to start:', error);
  }
  process.exit(1);
});
