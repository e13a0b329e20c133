import { Inject, Injectable } from '@nestjs/common';
import { APP_ENV, InvalidEnvironmentError, type AppEnv } from '@preceptor/core';
import { SpecialtyCatalog } from '@preceptor/taxonomy';
import {
  MatchWeightsError,
  parseMatchWeights,
  type MatchWeights,
} from './scoring/match-weights.js';
import type { MatchOptions } from './scoring/score-match.js';
import { SpecialtyGraph } from './scoring/specialty-graph.js';

export const MATCH_WEIGHTS = Symbol('MATCH_WEIGHTS');

/** MATCH_WEIGHTS, read once at start-up; a bad value stops the process naming it and the key. */
export function matchWeightsFromEnv(env: Pick<AppEnv, 'MATCH_WEIGHTS'>): MatchWeights {
  try {
    return parseMatchWeights(env.MATCH_WEIGHTS ?? {});
  } catch (error) {
    if (error instanceof MatchWeightsError) {
      throw new InvalidEnvironmentError(
        error.problems.map((problem) => `MATCH_WEIGHTS ${problem}`),
      );
    }
    throw error;
  }
}

export const matchWeightsProvider = {
  provide: MATCH_WEIGHTS,
  inject: [APP_ENV],
  useFactory: matchWeightsFromEnv,
};

/** What every score in this process is computed with: the specialty graph and the weights. */
@Injectable()
export class MatchScoring {
  private graph: SpecialtyGraph | undefined;

  /** MATCH_RETRIEVAL=exhaustive: score every candidate (the reference for benchmarks). */
  readonly exhaustive: boolean;

  constructor(
    private readonly catalog: SpecialtyCatalog,
    @Inject(MATCH_WEIGHTS) readonly weights: MatchWeights,
    @Inject(APP_ENV) env: AppEnv,
  ) {
    this.exhaustive = env.MATCH_RETRIEVAL === 'exhaustive';
  }

  /** Built from the catalog on first use (the catalog loads as its module starts). */
  get options(): MatchOptions {
    this.graph ??= SpecialtyGraph.fromCatalog(this.catalog.specialtyRows());
    return { graph: this.graph, weights: this.weights };
  }
}
