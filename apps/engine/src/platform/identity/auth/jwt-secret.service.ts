import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../../config/engine-config.js';
import { SettingsService } from '../../settings/settings.service.js';
import { retryWhileUnavailable } from '../../database/while-unavailable.js';

/** STAGEFLOW_JWT_SECRET, or one generated once and kept in the database so every node agrees. */
@Injectable()
export class JwtSecretService implements OnModuleInit {
  private value?: string;

  constructor(
    private readonly settings: SettingsService,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // A node started while the database restarts waits for it (retryWhileUnavailable) rather than exiting.
    this.value =
      this.config.jwtSecret ??
      (await retryWhileUnavailable(() => this.settings.getOrCreate('jwt_secret', SettingsService.randomSecret), { timeoutMs: 60_000, delayMs: 500 }));
  }

  get secret(): string {
    if (this.value === undefined) throw new Error('JWT secret not loaded yet');
    return this.value;
  }
}
