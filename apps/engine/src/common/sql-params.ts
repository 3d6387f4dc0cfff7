/** Positional parameters of one raw statement: `sql.add(value)` answers its placeholder (`$3`). */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
