export enum MeetingFormat {
  VIRTUAL = 'VIRTUAL',
  IN_PERSON = 'IN_PERSON',
}

/** How someone's working time is laid out; healthcare runs around the clock. */
export enum ShiftPattern {
  DAYS = 'DAYS',
  EVENINGS = 'EVENINGS',
  NIGHTS = 'NIGHTS',
  ROTATING = 'ROTATING',
  WEEKENDS = 'WEEKENDS',
  FLEXIBLE = 'FLEXIBLE',
}

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

/** A weekly window in the profile's own time zone, minutes from midnight, start < end. */
export interface AvailabilityWindow {
  day: Weekday;
  startMinute: number;
  endMinute: number;
}
