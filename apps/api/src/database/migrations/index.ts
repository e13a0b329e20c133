import { MenteeChangeNotifications1796900000000 } from './1796900000000-MenteeChangeNotifications.js';
import { MenteeTierIndexes1796700000000 } from './1796700000000-MenteeTierIndexes.js';
import { CalendarFeeds1796600000000 } from './1796600000000-CalendarFeeds.js';
import { CreditLedger1796800000000 } from './1796800000000-CreditLedger.js';
import { Events1796500000000 } from './1796500000000-Events.js';
import { SessionTimeouts1796410000000 } from './1796410000000-SessionTimeouts.js';
import { AuthRateLimits1796400000000 } from './1796400000000-AuthRateLimits.js';
import { OneMentorSearchEngine1796200000000 } from './1796200000000-OneMentorSearchEngine.js';
import { RegionCodes1796100000000 } from './1796100000000-RegionCodes.js';
import { MentorTextChangeNotifications1796000000000 } from './1796000000000-MentorTextChangeNotifications.js';
import { MentorFacetCountsPerStatement1795900000000 } from './1795900000000-MentorFacetCountsPerStatement.js';
import { SessionChangeNotifications1795800000000 } from './1795800000000-SessionChangeNotifications.js';
import { MentorChangeNotifications1795700000000 } from './1795700000000-MentorChangeNotifications.js';
import { MentorFacetCounts1795604087582 } from './1795604087582-MentorFacetCounts.js';
import { ProfileSearchVector1795603543380 } from './1795603543380-ProfileSearchVector.js';
import { Profiles1795599433832 } from './1795599433832-Profiles.js';
import { InitialAccounts1795598583188 } from './1795598583188-InitialAccounts.js';
// Every migration, oldest first. `npm run migration:generate` appends new ones here.
export const MIGRATIONS = [
  InitialAccounts1795598583188,
  Profiles1795599433832,
  ProfileSearchVector1795603543380,
  MentorFacetCounts1795604087582,
  MentorChangeNotifications1795700000000,
  SessionChangeNotifications1795800000000,
  MentorFacetCountsPerStatement1795900000000,
  MentorTextChangeNotifications1796000000000,
  RegionCodes1796100000000,
  OneMentorSearchEngine1796200000000,
  AuthRateLimits1796400000000,
  SessionTimeouts1796410000000,
  Events1796500000000,
  CalendarFeeds1796600000000,
  MenteeTierIndexes1796700000000,
  CreditLedger1796800000000,
  MenteeChangeNotifications1796900000000,
];
