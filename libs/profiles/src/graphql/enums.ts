import { registerEnumType } from '@nestjs/graphql';
import { MeetingFormat, ShiftPattern, Weekday } from '../profiles/profile-enums.js';

registerEnumType(MeetingFormat, { name: 'MeetingFormat' });

registerEnumType(ShiftPattern, {
  name: 'ShiftPattern',
  description: 'How someone’s working hours fall; used to find mentors who are free when you are.',
});

registerEnumType(Weekday, { name: 'Weekday' });
