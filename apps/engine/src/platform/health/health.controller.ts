import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../identity/auth/auth.decorators.js';
import { Unavailable } from '../errors/domain-errors.js';

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
      throw new Unavailable('the database does not answer');
    }
    return { status: 'ok', database: 'up' };
  }
}
