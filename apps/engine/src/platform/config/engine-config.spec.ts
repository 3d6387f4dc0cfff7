import { loadEngineConfig } from './engine-config.js';

describe('loadEngineConfig: STAGEFLOW_STANDARD_PACKAGES', () => {
  it('when it is not set then the standard packages come from process-definitions/ of the project', () => {
    expect(loadEngineConfig({}, '/srv/stageflow').standardPackagesDir).toBe('/srv/stageflow/process-definitions');
  });

  it('when it is off then no standard packages are deployed', () => {
    expect(loadEngineConfig({ STAGEFLOW_STANDARD_PACKAGES: 'off' }, '/srv/stageflow').standardPackagesDir).toBeUndefined();
  });

  it('when it names a folder then that folder is used, a relative one from the working directory', () => {
    expect(loadEngineConfig({ STAGEFLOW_STANDARD_PACKAGES: '/opt/packages' }, '/srv/stageflow').standardPackagesDir).toBe('/opt/packages');
    expect(loadEngineConfig({ STAGEFLOW_STANDARD_PACKAGES: 'packages' }, '/srv/stageflow').standardPackagesDir).toBe(`${process.cwd()}/packages`);
  });
});
