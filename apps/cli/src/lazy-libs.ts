// The workspace libs load on first use, not at start: their schemas compile as they load (about a
// second on a busy machine), which `stageflow --help` and a usage error should not wait for.
export const processPackage = (): Promise<typeof import('@stageflow/process-package')> => import('@stageflow/process-package');
export const apiContract = (): Promise<typeof import('@stageflow/api-contract')> => import('@stageflow/api-contract');
