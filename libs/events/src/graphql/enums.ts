import { registerEnumType } from '@nestjs/graphql';
import {
  CREDIT_TYPE_INFO,
  CreditType,
  EventFormat,
  EventKind,
  EventStatus,
  RsvpStatus,
} from '../event-enums.js';

registerEnumType(EventKind, { name: 'EventKind', description: 'What kind of event it is.' });

registerEnumType(EventFormat, {
  name: 'EventFormat',
  description: 'Where people attend.',
  valuesMap: {
    IN_PERSON: { description: 'At the venue; needs a venue.' },
    VIRTUAL: { description: 'Online; needs a joinUrl.' },
    HYBRID: { description: 'At the venue or online; needs both.' },
  },
});

registerEnumType(EventStatus, {
  name: 'EventStatus',
  valuesMap: {
    DRAFT: { description: 'Seen by its organizer and admins only.' },
    PUBLISHED: { description: 'Listed; open for RSVPs until it starts.' },
    CANCELLED: { description: 'Called off; every RSVP was cancelled with it.' },
  },
});

registerEnumType(RsvpStatus, {
  name: 'RsvpStatus',
  valuesMap: {
    GOING: { description: 'Holds a seat.' },
    WAITLISTED: { description: 'Waits for a seat, at waitlistPosition.' },
    CANCELLED: { description: 'Cancelled by the person, or with the event.' },
    ATTENDED: { description: 'Attendance recorded by the organizer.' },
  },
});

registerEnumType(CreditType, {
  name: 'CreditType',
  description: 'Continuing-education credit, by the rules it counts under.',
  valuesMap: Object.fromEntries(
    Object.values(CreditType).map((type) => [
      type,
      { description: CREDIT_TYPE_INFO[type].description },
    ]),
  ),
});
