import { beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { CommonError } from '../errors/domain-error.js';
import { retryDelayMs, runTransaction, TRANSACTION_ATTEMPTS } from './transaction.js';

function pgError(code: string): QueryFailedError {
  return new QueryFailedError('UPDATE …', [], Object.assign(new Error(`pg ${code}`), { code }));
}

/**
 * Stands in for DataSource.transaction: each call is a new transaction with its own manager,
 * rolled back (here: forgotten) when the work throws.
 */
class FakeDataSource implements Pick<DataSource, 'transaction'> {
  readonly managers: EntityManager[] = [];
  readonly isolationLevels: unknown[] = [];

  transaction<T>(...args: unknown[]): Promise<T> {
    const work = args.at(-1) as (manager: EntityManager) => Promise<T>;
    this.isolationLevels.push(args.length > 1 ? args[0] : undefined);
    const manager = { transaction: this.managers.length + 1 } as unknown as EntityManager;
    this.managers.push(manager);
    return work(manager);
  }
}

/** Work that fails with each error in turn, then answers 'done'. */
function failingWith(...errors: Error[]): (manager: EntityManager) => Promise<string> {
  let run = 0;
  return () => {
    const error = errors[run++];
    return error === undefined ? Promise.resolve('done') : Promise.reject(error);
  };
}

describe('runTransaction', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('runs the work once in one transaction when it succeeds', async () => {
    const source = new FakeDataSource();
    await expect(runTransaction(source, failingWith())).resolves.toBe('done');
    expect(source.managers).toHaveLength(1);
  });

  it.each([
    ['a serialization failure', '40001'],
    ['a deadlock', '40P01'],
  ])('runs the whole transaction again after %s, from its start', async (_what, code) => {
    const source = new FakeDataSource();
    const seen: EntityManager[] = [];
    let run = 0;
    const result = await runTransaction(source, (manager) => {
      seen.push(manager);
      return ++run === 1 ? Promise.reject(pgError(code)) : Promise.resolve(`run ${run}`);
    });
    expect(result).toBe('run 2');
    // A new transaction (and manager) each time: nothing of the failed run carries over.
    expect(seen).toEqual(source.managers);
    expect(new Set(seen).size).toBe(2);
  });

  it('gives up after a bounded number of runs and throws the last failure', async () => {
    const source = new FakeDataSource();
    const failures = Array.from({ length: 10 }, () => pgError('40P01'));
    const outcome = runTransaction(source, failingWith(...failures));
    await expect(outcome).rejects.toBe(failures[TRANSACTION_ATTEMPTS - 1]);
    expect(source.managers).toHaveLength(TRANSACTION_ATTEMPTS);
    expect(TRANSACTION_ATTEMPTS).toBe(4);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a statement timeout', pgError('57014')],
    ['a lock timeout', pgError('55P03')],
    ['an exhausted pool', new Error('timeout exceeded when trying to connect')],
    ['a domain error', CommonError.notFound('That profile')],
    ['a programming error', new TypeError('x is undefined')],
  ])('does not retry %s', async (_what, error) => {
    const source = new FakeDataSource();
    await expect(runTransaction(source, failingWith(error))).rejects.toBe(error);
    expect(source.managers).toHaveLength(1);
  });

  it('passes the isolation level to every run', async () => {
    const source = new FakeDataSource();
    await runTransaction(source, failingWith(pgError('40001')), { isolation: 'SERIALIZABLE' });
    expect(source.isolationLevels).toEqual(['SERIALIZABLE', 'SERIALIZABLE']);
    await runTransaction(source, failingWith());
    expect(source.isolationLevels.at(-1)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('waits a random time under a bound that doubles with each retry', () => {
    expect([1, 2, 3].map((retry) => retryDelayMs(retry, () => 0))).toEqual([0, 0, 0]);
    expect([1, 2, 3].map((retry) => retryDelayMs(retry, () => 0.999))).toEqual([9, 19, 39]);
    expect(retryDelayMs(2, () => 0.5)).toBe(10);
  });
});
