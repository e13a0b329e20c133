import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProfilesModule } from '@preceptor/profiles';
import { TaxonomyModule } from '@preceptor/taxonomy';
import { CalendarFeedEntity } from './calendar/calendar-feed.entity.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarResolver } from './calendar/calendar.resolver.js';
import { CalendarService } from './calendar/calendar.service.js';
import { CreditsController } from './credits/credits.controller.js';
import { CreditsResolver } from './credits/credits.resolver.js';
import { CreditsService } from './credits/credits.service.js';
import { CreditEntryEntity } from './entities/credit-entry.entity.js';
import { EventCreditEntity } from './entities/event-credit.entity.js';
import { EventEntity } from './entities/event.entity.js';
import { RsvpEntity } from './entities/rsvp.entity.js';
import { EventSearchService } from './event-search.service.js';
import { EventViews } from './event-views.service.js';
import { EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';
import './graphql/enums.js';
import { EventRecommendationsService } from './recommendations/recommendations.service.js';
import { RsvpsService } from './rsvps.service.js';

export const EVENTS_ENTITIES = [
  EventEntity,
  EventCreditEntity,
  RsvpEntity,
  CalendarFeedEntity,
  CreditEntryEntity,
];

/**
 * Professional events: listing, browsing, RSVPs that never overbook, calendar files, and the
 * continuing-education record attendance writes.
 */
@Module({
  imports: [TaxonomyModule, ProfilesModule, TypeOrmModule.forFeature(EVENTS_ENTITIES)],
  controllers: [CalendarController, CreditsController],
  providers: [
    EventViews,
    EventsService,
    EventSearchService,
    RsvpsService,
    EventRecommendationsService,
    EventsResolver,
    CalendarService,
    CalendarResolver,
    CreditsService,
    CreditsResolver,
  ],
})
export class EventsModule {}
