import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free-text search reads a stored tsvector instead of re-parsing name, headline and bio for every
 * candidate row; a trigger keeps it current.
 */
export class ProfileSearchVector1795603543380 implements MigrationInterface {
  name = 'ProfileSearchVector1795603543380';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentor_search"');
    await queryRunner.query('ALTER TABLE "profiles" ADD "search_vector" tsvector');
    await queryRunner.query(`
      CREATE FUNCTION profiles_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := to_tsvector('simple', NEW.full_name || ' ' || coalesce(NEW.headline, '') || ' ' || coalesce(NEW.bio, ''));
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(
      'CREATE TRIGGER profiles_search_vector BEFORE INSERT OR UPDATE OF full_name, headline, bio ON "profiles" FOR EACH ROW EXECUTE FUNCTION profiles_search_vector()',
    );
    await queryRunner.query(
      `UPDATE "profiles" SET "search_vector" = to_tsvector('simple', full_name || ' ' || coalesce(headline, '') || ' ' || coalesce(bio, ''))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentor_search" ON "profiles" USING gin ("search_vector") WHERE "is_mentor"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentor_search"');
    await queryRunner.query('DROP TRIGGER profiles_search_vector ON "profiles"');
    await queryRunner.query('DROP FUNCTION profiles_search_vector()');
    await queryRunner.query('ALTER TABLE "profiles" DROP COLUMN "search_vector"');
    await queryRunner.query(
      `CREATE INDEX "ix_profiles_mentor_search" ON "profiles" USING gin (to_tsvector('simple'::regconfig, full_name || ' ' || coalesce(headline, '') || ' ' || coalesce(bio, ''))) WHERE "is_mentor"`,
    );
  }
}
