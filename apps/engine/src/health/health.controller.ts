import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public, Roles } from '../auth/auth.decorators.js';
import { CommandStats, type CommandStatsView } from '../execution/command-stats.js';
import { NodeRegistry } from '../jobs/node-registry.js';
import { ApiError } from '../common/api-error.js';

export interface HealthView {
  status: 'ok';
  database: 'up';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stats: CommandStats,
    private readonly nodes: NodeRegistry,
  ) {}

  /** This node's command counters since it started (admin): for operators and the benchmark. */
  @Get('node')
  @Roles('admin')
  node(): { nodeId: string; commands: CommandStatsView } {
    return { nodeId: this.nodes.nodeId, commands: this.stats.view() };
  }

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
