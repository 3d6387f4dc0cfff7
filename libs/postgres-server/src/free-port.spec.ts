import { createServer } from 'node:net';
import { findFreePort } from './free-port.js';

function listen(port: number): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(() => new Promise((done) => server.close(() => done()))));
  });
}

describe('findFreePort', () => {
  it('given a busy port, when asked, then returns another port that can be listened on', async () => {
    const port = await findFreePort();
    const closeFirst = await listen(port);
    try {
      const other = await findFreePort();
      expect(other).not.toBe(port);
      const closeOther = await listen(other);
      await closeOther();
    } finally {
      await closeFirst();
    }
  });
});
