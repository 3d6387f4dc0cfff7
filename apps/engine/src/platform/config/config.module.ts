import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from './engine-config.js';

/** The engine's settings, read once at start-up (main.ts) and injectable everywhere as ENGINE_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static with(config: EngineConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: ENGINE_CONFIG, useValue: config }], exports: [ENGINE_CONFIG] };
  }
}
