import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ListSize } from '@preceptor/core';
import { CreditType } from '../event-enums.js';

/** The most entries one myCredits answer lists (the totals always count all of the period). */
export const MAX_LEDGER_ENTRIES = 1_000;

@ObjectType('CreditEntry', {
  description:
    'Credit earned at one event, as recorded when attendance was marked (later edits to the event do not change it).',
})
export class CreditEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => CreditType)
  type: CreditType;

  @Field(() => Float, { description: '60-minute (contact) hours.' })
  hours: number;

  @Field()
  accreditor: string;

  @Field(() => String, { nullable: true, description: 'The course or activity number.' })
  activityId: string | null;

  @Field(() => String, { nullable: true })
  providerNumber: string | null;

  @Field({ description: 'Who provided the activity: the organizer’s name.' })
  provider: string;

  @Field(() => ID)
  eventId: string;

  @Field({ description: 'The event’s title when attendance was recorded.' })
  eventTitle: string;

  @Field({ description: 'The event’s end.' })
  completedAt: Date;

  @Field({ description: 'The completion date in the event’s time zone, YYYY-MM-DD.' })
  completedOn: string;
}

@ObjectType('CreditTotal')
export class CreditTotalModel {
  @Field(() => CreditType)
  type: CreditType;

  @Field(() => Float, { description: 'Hours of this type in the period, exact to the hundredth.' })
  hours: number;

  @Field(() => Int)
  entryCount: number;
}

@ObjectType('CreditLedger', { description: 'Your continuing-education record for a period.' })
export class CreditLedgerModel {
  @Field(() => Date, { nullable: true, description: 'Entries completed at or after this.' })
  from: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries completed before this.' })
  to: Date | null;

  @ListSize(Object.keys(CreditType).length)
  @Field(() => [CreditTotalModel], {
    description: 'Hours per credit type, for types with entries.',
  })
  totals: CreditTotalModel[];

  @ListSize(MAX_LEDGER_ENTRIES)
  @Field(() => [CreditEntryModel], {
    description: `The entries behind the totals, latest first; at most ${MAX_LEDGER_ENTRIES} (see entriesTruncated).`,
  })
  entries: CreditEntryModel[];

  @Field({ description: `True when the period holds more than ${MAX_LEDGER_ENTRIES} entries.` })
  entriesTruncated: boolean;
}
