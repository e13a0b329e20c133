import { existsSync } from 'node:fs';
import {
  appDatabase,
  InvalidEnvironmentError,
  parseEnv,
  ShutdownState,
  takeOverShutdownSignals,
} from '@preceptor/core';
import { createApp } from './bootstrap.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = parseEnv(process.env);

  const database = await appDatabase(env, (line) => console.log(line));
  const embedded = database.embedded;
  if (embedded) takeOverShutdownSignals();
  process.env['DATABASE_URL'] = database.url;

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
  } else if (error instanceof Error) {
    // A person reads this: the reason, and what caused it, without a stack trace.
    const cause = error.cause instanceof Error ? `\n  caused by: ${error.cause.message}` : '';
    console.error(`Preceptor API failed to start: ${error.message}${cause}`);
  } else {
    console.error('Preceptor API failed to start:', error);
  }
  process.exit(1);
});
