import { Injectable } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** argon2id at OWASP's minimum (m=19 MiB, t=2, p=1). */
export const ARGON2_OPTIONS = {
  // Algorithm is an ambient const enum, unusable as a value under isolatedModules; 2 = Argon2id.
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordHasher {
  /** Verified against when the email is unknown, so both paths cost the same time. */
  private readonly decoy: Promise<string> = hash('decoy-password-never-used', ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(storedHash: string | null, password: string): Promise<boolean> {
    const target = storedHash ?? (await this.decoy);
    try {
      const matches = await verify(target, password);
      return storedHash !== null && matches;
    } catch {
      return false;
    }
  }
}
