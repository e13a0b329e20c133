import { Injectable } from '@nestjs/common';

type Refresh = (userIds: readonly string[]) => Promise<void>;

/**
 * The in-memory copies of profiles in this process (the mentor index, the mentee index), told of
 * this process's own writes before the mutation returns, so a caller reads what they just wrote.
 * Writes from elsewhere reach them through their change feeds.
 */
@Injectable()
export class ProfileWrites {
  private readonly followers: Refresh[] = [];

  follow(refresh: Refresh): void {
    this.followers.push(refresh);
  }

  /** After a commit that changed these people's profiles. Never fails: followers catch up through their feeds. */
  async committed(userIds: readonly string[]): Promise<void> {
    await Promise.all(this.followers.map((refresh) => refresh(userIds)));
  }
}
