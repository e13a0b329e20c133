import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mentor index now holds the words of name, headline and bio for free-text search, so edits
 * of those columns notify too (the stored search vector is set from them by a BEFORE trigger,
 * which an `UPDATE OF` list does not see).
 */
export class MentorTextChangeNotifications1796000000000 implements MigrationInterface {
  name = 'MentorTextChangeNotifications1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(
      queryRunner,
      'full_name, headline, bio, search_vector, is_mentor, created_at, track, career_stage, specialty_lineage, mentor_offers, languages, meeting_formats, country, region, mentor_accepting',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(
      queryRunner,
      'is_mentor, created_at, track, career_stage, specialty_lineage, mentor_offers, languages, meeting_formats, country, region, mentor_accepting',
    );
  }

  private async recreate(queryRunner: QueryRunner, columns: string): Promise<void> {
    await queryRunner.query('DROP TRIGGER profiles_notify_mentor_change ON "profiles"');
    await queryRunner.query(`
      CREATE TRIGGER profiles_notify_mentor_change
      AFTER INSERT OR DELETE OR UPDATE OF ${columns}
      ON profiles FOR EACH ROW EXECUTE FUNCTION profiles_notify_mentor_change()`);
  }
}
