import { fakeAs } from '../../database/fake-as.js';
import { NotFound } from '../../errors/domain-errors.js';
import { FakeApiTokensRepository } from './api-tokens.repository.fake.js';
import type { ApiTokensRepository } from './api-tokens.repository.js';
import { API_TOKEN_PREFIX, ApiTokensService, hashApiToken } from './api-tokens.service.js';

const ANN = '00000000-0000-4000-8000-000000000001';
const BOB = '00000000-0000-4000-8000-000000000002';

function newTestService() {
  const tokens = new FakeApiTokensRepository();
  return { service: new ApiTokensService(fakeAs<ApiTokensRepository>(tokens)), tokens };
}

describe('ApiTokensService', () => {
  it('given a user, when a token is created, then it is shown once with its prefix and only its SHA-256 is stored', async () => {
    const { service, tokens } = newTestService();

    const created = await service.create(ANN, 'ci');

    expect(created.token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(created.token.length).toBeGreaterThan(40);
    expect(created).toMatchObject({ name: 'ci', userId: ANN, lastUsedAt: null });
    expect(tokens.rows[0]?.token_hash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(tokens.rows)).not.toContain(created.token);
    expect(await service.list(ANN)).toEqual([{ id: created.id, name: 'ci', userId: ANN, createdAt: created.createdAt, lastUsedAt: null }]);
  });

  it('given two tokens, when created, then they differ', async () => {
    const { service } = newTestService();

    const [first, second] = [await service.create(ANN, 'a'), await service.create(ANN, 'b')];

    expect(first.token).not.toBe(second.token);
  });

  it('given a token, when looked up by itself, then its user; by another string, then nothing', async () => {
    const { service } = newTestService();
    const { token } = await service.create(ANN, 'ci');

    expect(await service.findUserIdByToken(token)).toBe(ANN);
    expect(await service.findUserIdByToken(`${token}x`)).toBeUndefined();
  });

  it('given tokens of two users, when listed for one, then only theirs; listed for everyone, then all', async () => {
    const { service } = newTestService();
    await service.create(ANN, 'ann-ci');
    await service.create(BOB, 'bob-ci');

    expect((await service.list(ANN)).map((token) => token.name)).toEqual(['ann-ci']);
    expect((await service.list(undefined)).map((token) => token.name)).toEqual(['ann-ci', 'bob-ci']);
  });

  it("given another user's token, when revoked as that user, then 404 and it stays; revoked without a user (admin), then it is gone", async () => {
    const { service } = newTestService();
    const bobs = await service.create(BOB, 'bob-ci');

    await expect(service.revoke(bobs.id, ANN)).rejects.toThrow(NotFound);
    expect(await service.findUserIdByToken(bobs.token)).toBe(BOB);

    await service.revoke(bobs.id, undefined);
    expect(await service.findUserIdByToken(bobs.token)).toBeUndefined();
    await expect(service.revoke(bobs.id, undefined)).rejects.toThrow(NotFound);
  });
});
