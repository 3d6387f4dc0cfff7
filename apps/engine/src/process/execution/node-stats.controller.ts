import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/identity/auth/auth.decorators.js';
import { NodeRegistry } from '../../platform/jobs/node-registry.js';
import { CommandStats, type CommandStatsView } from './command-stats.js';

/** GET /health/node: this node's command counters since it started (admin), for operators and the benchmark. */
@ApiTags('health')
@Controller('health')
export class NodeStatsController {
  constructor(
    private readonly stats: CommandStats,
    private readonly nodes: NodeRegistry,
  ) {}

  @Get('node')
  @Roles('admin')
  node(): { nodeId: string; commands: CommandStatsView } {
    return { nodeId: this.nodes.nodeId, commands: this.stats.view() };
  }
}
