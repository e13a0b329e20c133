// Summarises V8 CPU profiles (.cpuprofile, as `bench:floor -- --profile DIR` or node --cpu-prof
// write them): where the samples fall by package (self time), the functions with the most self
// time, and the time spent under each of a few request steps (inclusive).
//
//   node dist/infra/bench/cpu-profile-summary.js FILE.cpuprofile [--top 25] [--requests N]
//
// With --requests (how many requests the profile covers), times are also given per request.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Request steps, found by the frames they run under (the first match on the stack wins). */
const STEPS: [string, RegExp][] = [
  [
    'HTTP parsing and writing (node:http, net)',
    /^node:(_http|http|net|internal\/(streams|http|stream_base))/,
  ],
  ['Express routing and middleware', /node_modules\/(express|router|finalhandler|send)\//],
  [
    'JSON body (body-parser, raw-body)',
    /node_modules\/(body-parser|raw-body|iconv-lite|type-is|content-type)\//,
  ],
  ['request id and logging (pino, ours)', /node_modules\/(pino|pino-http)\/|\/logging\/logger\.js/],
  ['Apollo Server (request pipeline, plugins, response)', /node_modules\/@apollo\/server\//],
  ['Apollo Express integration', /node_modules\/@as-integrations\//],
  ['graphql-armor', /node_modules\/@escape\.tech\//],
  ['graphql-js parse', /node_modules\/graphql\/language\//],
  ['graphql-js validate', /node_modules\/graphql\/validation\//],
  ['graphql-js execute', /node_modules\/graphql\/execution\//],
  ['graphql-jit', /node_modules\/graphql-jit\//],
  ['Nest (guards, interceptors, pipes, params)', /node_modules\/@nestjs\//],
  ['access tokens (jsonwebtoken)', /node_modules\/(jsonwebtoken|jws|jwa)\//],
  ['TypeORM', /node_modules\/typeorm\//],
  ['pg', /node_modules\/(pg|pg-protocol|pg-pool)\//],
  ['our libraries', /\/dist\/(libs|apps)\//],
];

function packageOf(url: string): string {
  if (!url) return '(native or V8)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (match) return match[1];
  if (url.startsWith('node:')) return 'node core';
  const ours = /\/dist\/((?:libs|apps)\/[^/]+)\//.exec(url);
  return ours ? ours[1] : url;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, requests: { type: 'string' } },
  });
  const top = Number(values.top);
  const requests = values.requests ? Number(values.requests) : undefined;
  for (const file of positionals) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const selfUs = new Map<number, number>();
    profile.samples.forEach((id, i) =>
      selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
    );
    const totalUs = profile.endTime - profile.startTime;

    const byPackage = new Map<string, number>();
    const byFunction = new Map<string, number>();
    const byStep = new Map<string, number>();
    let busyUs = 0;
    for (const [id, us] of selfUs) {
      const node = byId.get(id)!;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') continue;
      busyUs += us;
      const pkg = packageOf(url);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
      const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + us);
      // Inclusive: the innermost step on this sample's stack (so nested steps are not counted twice).
      let step: string | undefined;
      for (
        let cursor: number | undefined = id;
        cursor !== undefined && !step;
        cursor = parent.get(cursor)
      ) {
        const frame = byId.get(cursor)!.callFrame;
        step = STEPS.find(([, pattern]) => pattern.test(frame.url))?.[0];
        if (!step && frame.functionName === '(garbage collector)') step = 'garbage collection';
      }
      step ??= functionName.startsWith('(')
        ? functionName
        : 'other (node internals, promises, timers)';
      byStep.set(step, (byStep.get(step) ?? 0) + us);
    }
    const ms = (us: number): string => (us / 1000).toFixed(0).padStart(6);
    const share = (us: number): string => `${((us / busyUs) * 100).toFixed(1).padStart(5)}%`;
    const perRequest = (us: number): string =>
      requests ? `${(((us / requests) * 1000) / 1000).toFixed(1).padStart(7)} µs/req` : '';
    const list = (title: string, map: Map<string, number>, limit: number): void => {
      console.log(`\n${title}`);
      for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
        console.log(`${ms(us)} ms ${share(us)} ${perRequest(us)}  ${name}`);
      }
    };
    console.log(
      `${file}: ${(totalUs / 1e6).toFixed(1)} s profiled, ${(busyUs / 1e6).toFixed(2)} s busy`,
    );
    list('By step (innermost step on the stack)', byStep, 40);
    list('By package (self time)', byPackage, top);
    list('By function (self time)', byFunction, top);
  }
}

await main();
