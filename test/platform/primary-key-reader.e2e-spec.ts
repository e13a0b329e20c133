import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { primaryKeyReader } from '@preceptor/core';
import { DataSource, type ObjectLiteral, type Repository } from 'typeorm';
import { signUp } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('primaryKeyReader', () => {
  let api: TestApp;
  let dataSource: DataSource;
  // The accounts library keeps its entities inside; the data source knows them by name.
  const usersOf = (source: DataSource): Repository<ObjectLiteral> =>
    source.getRepository('UserEntity');

  beforeAll(async () => {
    api = await startTestApp();
    dataSource = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api.close();
  });

  it('reads exactly what findOne reads: every column, hydrated the same way', async () => {
    const { user } = await signUp(api.gql, { roles: ['MENTOR', 'MENTEE'] });
    await api.sql(`UPDATE users SET is_seeded = true WHERE id = $1`, [user.id]);
    const users = usersOf(dataSource);
    const read = await primaryKeyReader(users)(user.id);
    const found = await users.findOne({ where: { id: user.id } });
    expect(read?.constructor).toBe(users.metadata.target);
    expect(read).toEqual(found);
    expect(read).toMatchObject({ isSeeded: true, roles: ['MENTOR', 'MENTEE'] });
    expect(read?.createdAt).toBeInstanceOf(Date);
  });

  it('answers null for a key that is not there', async () => {
    await expect(primaryKeyReader(usersOf(dataSource))(randomUUID())).resolves.toBeNull();
  });

  it('refuses entities it cannot read as find would', () => {
    const repository = usersOf(dataSource);
    const composite = Object.create(repository, {
      metadata: { value: { ...repository.metadata, primaryColumns: [] } },
    }) as typeof repository;
    expect(() => primaryKeyReader(composite)).toThrow(/single-column primary key/);
  });
});
