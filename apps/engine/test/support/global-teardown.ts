// Jest globalTeardown of the `api` project: stops the embedded PostgreSQL of global-setup.ts.
interface SharedServer {
  adminUrl: string;
  stop(): Promise<void>;
}

declare global {
  var __stageflowTestPostgres: SharedServer | undefined;
}

export default async function globalTeardown(): Promise<void> {
  await globalThis.__stageflowTestPostgres?.stop();
  globalThis.__stageflowTestPostgres = undefined;
}
