import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../auth/access-policy.js';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { HealthReport } from './health-report.js';
import { ShutdownState } from './shutdown-state.js';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shutdown: ShutdownState,
    private readonly report: HealthReport,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Ready for traffic: the database answers and the process is not draining. The body also
   * carries what registered parts report of themselves (always "up": details, not checks).
   */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    if (this.shutdown.isDraining) {
      throw new ServiceUnavailableException({
        status: 'error',
        info: {},
        error: { shutdown: { status: 'down' } },
      });
    }
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      ...this.report
        .details()
        .map(([name, details]) => () => ({ [name]: { ...details, status: 'up' as const } })),
    ]);
  }
}
