import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyModule } from '@preceptor/taxonomy';
import { EventCreditEntity } from './entities/event-credit.entity.js';
import { EventEntity } from './entities/event.entity.js';
import { RsvpEntity } from './entities/rsvp.entity.js';
import { EventSearchService } from './event-search.service.js';
import { EventViews } from './event-views.service.js';
import { EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';
import './graphql/enums.js';
import { RsvpsService } from './rsvps.service.js';

export const EVENTS_ENTITIES = [EventEntity, EventCreditEntity, RsvpEntity];

/** Professional events: listing, browsing and RSVPs that never overbook. */
@Module({
  imports: [TaxonomyModule, TypeOrmModule.forFeature(EVENTS_ENTITIES)],
  providers: [EventViews, EventsService, EventSearchService, RsvpsService, EventsResolver],
})
export class EventsModule {}
