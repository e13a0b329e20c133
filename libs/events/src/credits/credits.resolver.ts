import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type AuthUser } from '@preceptor/accounts';
import { Authenticated } from '@preceptor/core';
import { CreditLedgerModel } from './credit-ledger.models.js';
import { CreditPeriodArgs, MarkAttendanceArgs } from './credits.args.js';
import { CreditsService } from './credits.service.js';

@Resolver()
export class CreditsResolver {
  constructor(private readonly credits: CreditsService) {}

  @Authenticated()
  @Mutation(() => Int, {
    description:
      'Record that people going to your event attended it (from its start on); their credit goes on their record. Returns how many RSVPs changed: people already marked count 0.',
  })
  markAttendance(
    @Args() { eventId, userIds }: MarkAttendanceArgs,
    @CurrentUser() caller: AuthUser,
  ): Promise<number> {
    return this.credits.markAttendance(caller, eventId, userIds);
  }

  @Authenticated()
  @Query(() => CreditLedgerModel, {
    description:
      'Your continuing-education record: hours by credit type completed in [from, to), and the entries behind them. GET /me/credits.csv exports it.',
  })
  myCredits(
    @Args() { from, to }: CreditPeriodArgs,
    @CurrentUser() caller: AuthUser,
  ): Promise<CreditLedgerModel> {
    return this.credits.myCredits(caller, { from: from ?? null, to: to ?? null });
  }
}
