import { Module } from '@nestjs/common';
import { ProfilesModule } from '@preceptor/profiles';
import { TaxonomyModule } from '@preceptor/taxonomy';
import { MatchScoring, matchWeightsProvider } from './match-scoring.js';
import { MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';
import { MenteeIndexService } from './mentee-index/mentee-index.service.js';
import { SuggestedMenteesService } from './suggested-mentees.service.js';

@Module({
  imports: [TaxonomyModule, ProfilesModule],
  providers: [
    matchWeightsProvider,
    MatchScoring,
    MatchingService,
    MenteeIndexService,
    SuggestedMenteesService,
    MatchingResolver,
  ],
})
export class MatchingModule {}
