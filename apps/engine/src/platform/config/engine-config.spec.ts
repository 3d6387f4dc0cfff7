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

describe('loadEngineConfig: STAGEFLOW_TRUST_PROXY', () => {
  const trustProxy = (value?: string) => loadEngineConfig(value === undefined ? {} : { STAGEFLOW_TRUST_PROXY: value }, '/srv/stageflow').trustProxy;

  it('when it is not set or false then no proxy is trusted', () => {
    expect([trustProxy(), trustProxy(''), trustProxy('false')]).toEqual([false, false, false]);
  });

  it('when it is true or addresses then those are trusted', () => {
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('when it is anything else then the start fails naming the variable', () => {
    expect(() => trustProxy('yes')).toThrow(/STAGEFLOW_TRUST_PROXY must be/);
    expect(() => trustProxy('proxy.example')).toThrow(/STAGEFLOW_TRUST_PROXY must be/);
    expect(() => trustProxy('10.0.0.1; DROP')).toThrow(/STAGEFLOW_TRUST_PROXY must be/);
  });
});

describe('loadEngineConfig: STAGEFLOW_WEB_APP_DIR', () => {
  it('when it is not set then the web app is the build of the checkout, else the folder named, a relative one from the working directory', () => {
    expect(loadEngineConfig({}, '/srv/stageflow').webAppDir).toBe('/srv/stageflow/apps/modeler/dist');
    expect(loadEngineConfig({ STAGEFLOW_WEB_APP_DIR: '/opt/web' }, '/srv/stageflow').webAppDir).toBe('/opt/web');
    expect(loadEngineConfig({ STAGEFLOW_WEB_APP_DIR: 'web' }, '/srv/stageflow').webAppDir).toBe(`${process.cwd()}/web`);
  });
});
