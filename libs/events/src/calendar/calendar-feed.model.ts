import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CalendarFeed', {
  description: 'Your private calendar of the events you are going to.',
})
export class CalendarFeedModel {
  @Field({
    description:
      'Subscribe to this URL in a calendar app. It is shown once: keep it private, anyone with it can read your events.',
  })
  url: string;
}
