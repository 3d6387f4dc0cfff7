import { isUniqueViolation } from './unique-violation.js';

describe('isUniqueViolation', () => {
  it('given a unique violation on the named constraint, then it is one', () => {
    expect(isUniqueViolation({ code: '23505', constraint: 'signal_deliveries_pkey' }, 'signal_deliveries_pkey')).toBe(true);
  });

  it('given a unique violation on another constraint, another error code, or no database error, then it is not', () => {
    expect(isUniqueViolation({ code: '23505', constraint: 'process_instances_pkey' }, 'signal_deliveries_pkey')).toBe(false);
    expect(isUniqueViolation({ code: '23503', constraint: 'signal_deliveries_pkey' }, 'signal_deliveries_pkey')).toBe(false);
    expect(isUniqueViolation(new Error('boom'), 'signal_deliveries_pkey')).toBe(false);
    expect(isUniqueViolation(null, 'signal_deliveries_pkey')).toBe(false);
  });
});
