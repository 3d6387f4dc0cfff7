import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from './platform/config/config.module.js';
import type { EngineConfig } from './platform/config/engine-config.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { HttpModule } from './platform/http/http.module.js';
import { IdentityModule } from './platform/identity/identity.module.js';
import { JobsModule } from './platform/jobs/jobs.module.js';
import { NotificationsModule } from './platform/notifications/notifications.module.js';
import { OutboundModule } from './platform/outbound/outbound.module.js';
import { CrmModule } from './crm/crm.module.js';
import { ProcessModule } from './process/index.js';

/**
 * The engine: the platform's modules, then the process engine on top (docs/development.md,
 * "Module map"). The database is migrated before anything else runs (DatabaseModule).
 */
@Module({})
export class AppModule {
  static with(config: EngineConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.with(config),
        DatabaseModule.forRoot(databaseUrl, config.dbPoolSize),
        IdentityModule,
        // After IdentityModule: its AuthGuard runs before this module's StorableTextGuard (http.module.ts).
        HttpModule,
        JobsModule,
        OutboundModule,
        NotificationsModule,
        HealthModule,
        ProcessModule,
        CrmModule,
      ],
    };
  }
}
