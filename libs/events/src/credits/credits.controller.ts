import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { CurrentUser, type AuthUser } from '@preceptor/accounts';
import { Authenticated, CommonError, JsonErrorFilter, type FieldProblem } from '@preceptor/core';
import type { Response } from 'express';
import { CreditsService } from './credits.service.js';

/** A query parameter as an instant; undefined when absent. */
function instant(name: string, value: unknown, problems: FieldProblem[]): Date | null {
  if (value === undefined || value === '') return null;
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    problems.push({
      field: name,
      message: 'must be an ISO 8601 date-time such as 2026-01-01T00:00:00Z',
    });
    return null;
  }
  return date;
}

/**
 * The ledger as a CSV download, for people to upload to their state's tracker. Authenticated
 * with the same bearer token as GraphQL; errors come back as JSON (`JsonErrorFilter`).
 */
@UseFilters(JsonErrorFilter)
@Controller('me')
export class CreditsController {
  constructor(private readonly credits: CreditsService) {}

  @Authenticated()
  @Get('credits.csv')
  async csv(
    @CurrentUser() caller: AuthUser,
    @Query('from') fromText: unknown,
    @Query('to') toText: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    const from = instant('from', fromText, problems);
    const to = instant('to', toText, problems);
    if (problems.length > 0) throw CommonError.invalidInput(problems);
    const csv = await this.credits.myCreditsCsv(caller, { from, to });
    response
      .status(200)
      .type('text/csv; charset=utf-8; header=present')
      .setHeader('content-disposition', 'attachment; filename="credits.csv"')
      .setHeader('cache-control', 'no-store')
      .send(csv);
  }
}
