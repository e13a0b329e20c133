import { existsSync } from 'node:fs';
import {
  ensureDatabase,
  InvalidEnvironmentError,
  parseEnv,
  ShutdownState,
  startEmbeddedPostgres,
  takeOverShutdownSignals,
  withDatabase,
  type RunningPostgres,
} from '@preceptor/core';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = parseEnv(process.env);

  let embedded: RunningPostgres | undefined;
  if (!env.DATABASE_URL) {
    console.log(
      `Starting embedded PostgreSQL (data in ${env.EMBEDDED_PG_DIR}, port ${env.EMBEDDED_PG_PORT})…`,
    );
    embedded = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_PG_DIR,
      port: env.EMBEDDED_PG_PORT,
    });
    takeOverShutdownSignals();
    const url = withDatabase(embedded.url, 'preceptor');
    await ensureDatabase(url);
    process.env['DATABASE_URL'] = url;
  }

  const app = await createApp();
  await app.listen(env.PORT, env.HOST);
  console.log(`Preceptor API ready at http://localhost:${env.PORT}/graphql`);

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: draining…`);
    // Readiness fails first so a load balancer stops routing here, then in-flight work finishes.
    app.get(ShutdownState).beginDraining();
    await new Promise((resolve) => setTimeout(resolve, env.SHUTDOWN_DELAY_MS));
    await app.close();
    await embedded?.stop();
    console.log('Stopped cleanly.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown(signal));
  }
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    console.error(error.message);
  } else {
    console.error('Preceptor API failed to start:', error);
  }
  process.exit(1);
});
