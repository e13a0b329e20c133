import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MentorFacetCounts1795604087582 } from './1795604087582-MentorFacetCounts.js';
import { MentorFacetCountsPerStatement1795900000000 } from './1795900000000-MentorFacetCountsPerStatement.js';
import { MentorTextChangeNotifications1796000000000 } from './1796000000000-MentorTextChangeNotifications.js';
import { ProfileSearchVector1795603543380 } from './1795603543380-ProfileSearchVector.js';

/**
 * Mentor lists are answered by each API process's in-memory index alone, which splits words
 * itself: the SQL read path goes. Dropped: the stored search vector and its trigger, the
 * facet-count table with its triggers and functions, and the indexes only SQL browsing used.
 *
 * The change feed now fires on any change of a row that is or was a mentor, so a facet added
 * later (one entry in mentor-facets.ts) needs no trigger change; the index ignores updates that
 * change nothing it holds.
 */
export class OneMentorSearchEngine1796200000000 implements MigrationInterface {
  name = 'OneMentorSearchEngine1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER profiles_notify_mentor_change ON "profiles"');
    await queryRunner.query(`
      CREATE TRIGGER profiles_notify_mentor_change AFTER INSERT OR DELETE OR UPDATE
      ON profiles FOR EACH ROW EXECUTE FUNCTION profiles_notify_mentor_change()`);
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER profiles_count_mentor_facets_${event} ON "profiles"`);
    }
    await queryRunner.query('DROP FUNCTION profiles_count_mentor_facets()');
    await queryRunner.query('DROP FUNCTION refresh_mentor_facet_counts()');
    await queryRunner.query('DROP FUNCTION mentor_facets(profiles)');
    await queryRunner.query('DROP TABLE "mentor_facet_counts"');
    await queryRunner.query('DROP TRIGGER profiles_search_vector ON "profiles"');
    await queryRunner.query('DROP FUNCTION profiles_search_vector()');
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentor_search"');
    await queryRunner.query('ALTER TABLE "profiles" DROP COLUMN "search_vector"');
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentor_filters"');
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentor_recent"');
  }

  /** Recreates the SQL path as the migrations that built it left it. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentor_filters" ON "profiles" USING gin ("specialty_lineage", "mentor_offers", "languages", "meeting_formats", "track", "career_stage", "country", "region", "mentor_accepting") WHERE "is_mentor"',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentor_recent" ON "profiles" ("created_at", "user_id") INCLUDE ("track", "career_stage", "country", "region", "mentor_accepting", "specialty_lineage", "mentor_offers", "languages", "meeting_formats") WHERE "is_mentor"',
    );
    // ProfileSearchVector replaced this expression index with one over the stored column.
    await queryRunner.query(
      `CREATE INDEX "ix_profiles_mentor_search" ON "profiles" USING gin (to_tsvector('simple'::regconfig, full_name || ' ' || coalesce(headline, '') || ' ' || coalesce(bio, ''))) WHERE "is_mentor"`,
    );
    await new ProfileSearchVector1795603543380().up(queryRunner);
    await new MentorFacetCounts1795604087582().up(queryRunner);
    await new MentorFacetCountsPerStatement1795900000000().up(queryRunner);
    await new MentorTextChangeNotifications1796000000000().up(queryRunner);
  }
}
