import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MenteeTierIndexes1796700000000 implements MigrationInterface {
  name = 'MenteeTierIndexes1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentee_targets" ON "profiles"  ("mentee_target_specialty_id", "user_id") WHERE "is_mentee"',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentee_specialties" ON "profiles" USING gin ("specialty_ids") WHERE "is_mentee"',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentees" ON "profiles"  ("user_id") WHERE "is_mentee"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentees"');
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentee_specialties"');
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentee_targets"');
  }
}
