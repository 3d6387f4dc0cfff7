import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { ApiError } from '../common/api-error.js';

export interface HealthView {
  status: 'ok';
  database: 'up';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and database reachability; needs no token. */
  @Public()
  @Get()
  async check(): Promise<HealthView> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ApiError(503, 'service_unavailable', 'the database does not answer');
    }
    return { status: 'ok', database: 'up' };
  }
}
