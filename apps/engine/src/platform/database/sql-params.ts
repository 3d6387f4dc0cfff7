/** Positional parameters of one raw statement: `sql.add(value)` answers its placeholder (`$3`). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * `column` is one of `values` (of the SQL `type`). A single value (the usual case: one task
   * completed, one subscription closed) is compared as a scalar: the generic plan of a prepared
   * `column = ANY($n)` assumes ten elements, and one made while the table was small (a fresh
   * database under load, before autovacuum's first ANALYZE) scans the whole table ever after;
   * `column = $n` on a key is an index lookup whatever the statistics.
   */
  oneOf(column: string, values: readonly unknown[], type: string): string {
    return values.length === 1 ? `${column} = ${this.add(values[0])}::${type}` : `${column} = ANY(${this.add(values)}::${type}[])`;
  }
}
