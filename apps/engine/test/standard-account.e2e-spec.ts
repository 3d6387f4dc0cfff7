import { setupEngineSuite } from './support/engine-suite.js';
import { deployStandardPackage } from './support/standard-packages.js';

const suite = setupEngineSuite();

describe('the standard account package', () => {
  it('deploys', async () => {
    await deployStandardPackage(suite, 'account');
  });
});
