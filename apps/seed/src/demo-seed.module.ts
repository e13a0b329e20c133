import { Module } from '@nestjs/common';
import { DemoSeedService } from './demo-seed.service.js';

/** Seeds demo people into an empty database when the API starts (SEED_DEMO). */
@Module({ providers: [DemoSeedService] })
export class DemoSeedModule {}
