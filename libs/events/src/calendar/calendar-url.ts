import type { Request } from 'express';

/**
 * The API's own origin as the client reached it (Express honours TRUST_PROXY for the scheme
 * and host), so the links in a calendar work wherever the API is served.
 */
export function originOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

export const publicEventPath = (eventId: string): string => `/events/${eventId}.ics`;
export const feedPath = (token: string): string => `/calendar/${token}.ics`;
