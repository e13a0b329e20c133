import { regionFromText } from '@preceptor/taxonomy';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profile regions become ISO 3166-2 codes ("US-TX"), read from the free text people typed by the
 * same rules the API now applies (`regionFromText` in @preceptor/taxonomy): a valid code stays;
 * "TX" or "Texas" with the country US becomes "US-TX" (case, accents and spaces aside); a county
 * or province below the first level becomes the region it lies in ("Cork" → "IE-M"); anything
 * else becomes NULL. Each distinct (country, region) pair is read once in TypeScript and the
 * changes are applied by one UPDATE from an unnest list.
 *
 * `down` leaves the codes as they are: they are valid free text for the code before this
 * migration, and the text they replaced is gone (`up` does not keep it), so there is nothing
 * to restore; stripping the prefix ("US-TX" → "TX") would only guess at what someone once typed.
 */
export class RegionCodes1796100000000 implements MigrationInterface {
  name = 'RegionCodes1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const pairs = (await queryRunner.query(
      'SELECT DISTINCT country, region FROM profiles WHERE region IS NOT NULL',
    )) as { country: string | null; region: string }[];
    const changes = pairs
      .map((pair) => ({ ...pair, code: regionFromText(pair.country, pair.region) ?? null }))
      .filter((change) => change.code !== change.region);
    if (changes.length === 0) return;
    await queryRunner.query(
      `UPDATE profiles p SET region = m.code
         FROM unnest($1::bpchar[], $2::varchar[], $3::varchar[]) AS m(country, region, code)
        WHERE p.region = m.region AND p.country IS NOT DISTINCT FROM m.country`,
      [
        changes.map((change) => change.country),
        changes.map((change) => change.region),
        changes.map((change) => change.code),
      ],
    );
  }

  down(): Promise<void> {
    // Nothing to undo: see the class comment.
    return Promise.resolve();
  }
}
