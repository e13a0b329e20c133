import type { EntityManager } from 'typeorm';
import { EventEntity } from './entities/event.entity.js';
import { EventsError } from './events.errors.js';
import { canManage, canSee, type Viewer } from './rules/event-access.js';

/**
 * The event's row, locked for this transaction, if the caller manages it: a draft of someone
 * else's is not found, anything else of someone else's is forbidden.
 */
export async function lockManagedEvent(
  manager: EntityManager,
  id: string,
  viewer: Viewer | undefined,
): Promise<EventEntity> {
  const event = await manager.findOne(EventEntity, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!event || !canSee(event, viewer)) throw EventsError.eventNotFound();
  if (!canManage(event, viewer)) throw EventsError.notOrganizer();
  return event;
}
