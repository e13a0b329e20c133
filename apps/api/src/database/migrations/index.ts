import { InitialAccounts1795598583188 } from './1795598583188-InitialAccounts.js';
// Every migration, oldest first. `npm run migration:generate` appends new ones here.
export const MIGRATIONS = [InitialAccounts1795598583188];
