import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { Public } from '@preceptor/core';
import type { Request, Response } from 'express';
import { CalendarService } from './calendar.service.js';
import { originOf } from './calendar-url.js';

const ICS_TYPE = 'text/calendar; charset=utf-8';

function send(response: Response, ics: string | null, notFound: string): void {
  if (ics === null) {
    response.status(404).type('text/plain').send(notFound);
    return;
  }
  response.status(200).type(ICS_TYPE).setHeader('cache-control', 'no-store').send(ics);
}

/** Calendar files over plain HTTP, for calendar apps (which cannot send a bearer token). */
@Public()
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('events/:id.ics')
  async event(
    @Param('id') id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    send(response, await this.calendars.eventFile(id, originOf(request)), 'No such event.\n');
  }

  @Get('calendar/:token.ics')
  async feed(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    send(
      response,
      await this.calendars.feedFile(token, originOf(request)),
      'No such calendar feed: it may have been revoked or replaced. Create a new one.\n',
    );
  }
}
