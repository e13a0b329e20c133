import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact mentor counts per single filter value, maintained by a trigger that touches only the
 * facets a write actually changes (a bio edit touches none), so counters are not a hot spot for
 * ordinary profile updates. `refresh_mentor_facet_counts()` rebuilds them after bulk loads that
 * disable the trigger.
 */
export class MentorFacetCounts1795604087582 implements MigrationInterface {
  name = 'MentorFacetCounts1795604087582';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mentor_facet_counts" ("facet" character varying(20) NOT NULL, "value" character varying(40) NOT NULL, "mentors" integer NOT NULL, CONSTRAINT "PK_95e3d81e4b2c247de37d972972d" PRIMARY KEY ("facet", "value"))',
    );
    await queryRunner.query(`
      CREATE FUNCTION mentor_facets(p profiles) RETURNS TABLE (facet varchar, value varchar)
      LANGUAGE sql STABLE AS $$
        SELECT 'all'::varchar, '*'::varchar WHERE p.is_mentor
        UNION SELECT 'specialty', s::varchar FROM unnest(p.specialty_lineage) AS s WHERE p.is_mentor
        UNION SELECT 'track', p.track::varchar WHERE p.is_mentor
        UNION SELECT 'career_stage', p.career_stage::varchar WHERE p.is_mentor
        UNION SELECT 'offer', o::varchar FROM unnest(p.mentor_offers) AS o WHERE p.is_mentor
        UNION SELECT 'language', l::varchar FROM unnest(p.languages) AS l WHERE p.is_mentor
        UNION SELECT 'format', f::varchar FROM unnest(p.meeting_formats) AS f WHERE p.is_mentor
        UNION SELECT 'country', p.country::varchar WHERE p.is_mentor AND p.country IS NOT NULL
        UNION SELECT 'accepting', p.mentor_accepting::varchar WHERE p.is_mentor
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION profiles_count_mentor_facets() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE mentor_facet_counts c SET mentors = c.mentors - 1
            FROM (SELECT * FROM mentor_facets(OLD)
                  EXCEPT SELECT * FROM mentor_facets(CASE WHEN TG_OP = 'UPDATE' THEN NEW END)) gone
           WHERE c.facet = gone.facet AND c.value = gone.value;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO mentor_facet_counts AS c (facet, value, mentors)
          SELECT facet, value, 1
            FROM (SELECT * FROM mentor_facets(NEW)
                  EXCEPT SELECT * FROM mentor_facets(CASE WHEN TG_OP = 'UPDATE' THEN OLD END)) added
          ON CONFLICT (facet, value) DO UPDATE SET mentors = c.mentors + 1;
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      'CREATE TRIGGER profiles_count_mentor_facets AFTER INSERT OR UPDATE OR DELETE ON "profiles" FOR EACH ROW EXECUTE FUNCTION profiles_count_mentor_facets()',
    );
    await queryRunner.query(`
      CREATE FUNCTION refresh_mentor_facet_counts() RETURNS void LANGUAGE sql AS $$
        DELETE FROM mentor_facet_counts;
        INSERT INTO mentor_facet_counts (facet, value, mentors)
        SELECT f.facet, f.value, count(*) FROM profiles p CROSS JOIN LATERAL mentor_facets(p) f
         WHERE p.is_mentor GROUP BY f.facet, f.value;
      $$`);
    await queryRunner.query('SELECT refresh_mentor_facet_counts()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER profiles_count_mentor_facets ON "profiles"');
    await queryRunner.query('DROP FUNCTION refresh_mentor_facet_counts()');
    await queryRunner.query('DROP FUNCTION profiles_count_mentor_facets()');
    await queryRunner.query('DROP FUNCTION mentor_facets(profiles)');
    await queryRunner.query('DROP TABLE "mentor_facet_counts"');
  }
}
