import { Injectable } from '@nestjs/common';

/** What one part of the process says about itself (e.g. the mentor index's state and age). */
export type HealthDetails = Record<string, string | number | boolean | null>;

/**
 * Details that `GET /health/ready` shows operators beside the readiness checks. Libraries
 * register a reporter; readiness itself stays about the database and draining.
 */
@Injectable()
export class HealthReport {
  private readonly reporters = new Map<string, () => HealthDetails>();

  register(name: string, reporter: () => HealthDetails): void {
    this.reporters.set(name, reporter);
  }

  details(): [name: string, details: HealthDetails][] {
    return [...this.reporters].map(([name, reporter]) => [name, reporter()]);
  }
}
