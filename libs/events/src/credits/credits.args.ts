import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsOptional, IsString, IsUUID } from 'class-validator';
import { MAX_ATTENDANCE_IDS } from './attendance-rules.js';

@ArgsType()
export class MarkAttendanceArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an event id' })
  eventId: string;

  @Field(() => [ID], {
    description: `People whose RSVP is GOING (or already ATTENDED); at most ${MAX_ATTENDANCE_IDS}, repeats ignored.`,
  })
  @IsArray()
  // One over the cap reaches attendanceIds, which says what the cap is; far beyond is refused here.
  @ArrayMaxSize(MAX_ATTENDANCE_IDS * 2, {
    message: `at most ${MAX_ATTENDANCE_IDS} ids per call; send the rest in another call`,
  })
  @IsString({ each: true })
  userIds: string[];
}

@ArgsType()
export class CreditPeriodArgs {
  @Field(() => Date, { nullable: true, description: 'Credit completed at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Credit completed before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
