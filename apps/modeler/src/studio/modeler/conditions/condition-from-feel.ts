// FEEL text -> model, when the text is one of the shapes toFeel writes (give or take spacing,
// parentheses and the leading `=`); otherwise the builder cannot show it and the text editor
// opens. The text is read with feelin's own parser — the engine's — and literals are decoded by
// feelin, so a string or number means in the builder what it means to the engine.
import { evaluate, parseExpression } from 'feelin';
import {
  EMPTY_CONDITION,
  isCalendarDay,
  isFieldPath,
  isPlainNumber,
  OPERATORS,
  rowProblem,
  type Combinator,
  type ConditionModel,
  type ConditionOperator,
  type ConditionRow,
  type ConditionValue,
} from './condition-model';

export type FromFeelResult =
  | { ok: true; model: ConditionModel }
  /** `invalid`: not FEEL at all; `not-representable`: FEEL, but not rows of field / operator / value. */
  | { ok: false; reason: 'invalid' | 'not-representable' };

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

const NOT_REPRESENTABLE: FromFeelResult = { ok: false, reason: 'not-representable' };
const COMPARISONS: Readonly<Record<string, ConditionOperator>> = { '=': 'eq', '!=': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const PATH_NODES = new Set(['VariableName', 'Identifier', 'PathExpression', 'PathName', '.']);

export function fromFeel(text: string): FromFeelResult {
  const trimmed = text.trimStart();
  const source = trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
  if (source.trim() === '') return { ok: true, model: EMPTY_CONDITION };
  let top: SyntaxNode;
  try {
    top = parseExpression(source, {}, undefined).topNode;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  let invalid = false;
  let commented = false;
  top.cursor().iterate((node) => {
    if (node.type.isError) invalid = true;
    if (node.name.endsWith('Comment')) commented = true;
  });
  if (invalid) return { ok: false, reason: 'invalid' };
  // A comment would be lost when the builder writes the text again.
  const expressions = children(top);
  if (commented || expressions.length !== 1) return NOT_REPRESENTABLE;
  const expression = unwrap(expressions[0]!);
  const combinator: Combinator = expression.name === 'Disjunction' ? 'any' : 'all';
  const operands = expression.name === 'Conjunction' || expression.name === 'Disjunction' ? flatten(expression) : [expression];
  const rows: ConditionRow[] = [];
  for (const operand of operands) {
    const row = rowOf(unwrap(operand), source);
    // A row the builder would refuse to write (a reversed range) stays text.
    if (!row || rowProblem(row)) return NOT_REPRESENTABLE;
    rows.push(row);
  }
  return { ok: true, model: { combinator, rows } };
}

function children(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) result.push(child);
  return result;
}

/** The operands of `a and b and c` (parsed as ((a and b) and c)), in order. */
function flatten(node: SyntaxNode): SyntaxNode[] {
  return children(node)
    .filter((child) => child.name !== 'and' && child.name !== 'or')
    .flatMap((child) => (child.name === node.name ? flatten(child) : [child]));
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.name === 'ParenthesizedExpression') {
    const inner = children(current).filter((child) => child.name !== '(' && child.name !== ')');
    if (inner.length !== 1) return current;
    current = inner[0]!;
  }
  return current;
}

function rowOf(node: SyntaxNode, source: string): ConditionRow | undefined {
  const text = (part: SyntaxNode) => source.slice(part.from, part.to);
  if (node.name === 'FunctionInvocation') return containsRow(node, source);
  if (node.name !== 'Comparison') return undefined;
  const [left, op, ...rest] = children(node);
  if (!left || !op) return undefined;
  const subject = subjectOf(left, source);
  if (!subject) return undefined;
  const row = (operator: ConditionOperator, values: ConditionValue[]): ConditionRow | undefined => {
    const type = values[0]?.type;
    const spec = OPERATORS[operator];
    const fits = values.every((value) => value.type === type) && (type === 'date') === subject.asDate && (type === undefined || spec.types.includes(type));
    return fits ? { field: subject.field, operator, values } : undefined;
  };
  if (op.name === 'CompareOp') {
    const operator = COMPARISONS[text(op)];
    const right = rest[0];
    if (!operator || !right || rest.length !== 1) return undefined;
    if (right.name === 'null') {
      if (subject.asDate || (operator !== 'eq' && operator !== 'neq')) return undefined;
      return { field: subject.field, operator: operator === 'eq' ? 'isEmpty' : 'isNotEmpty', values: [] };
    }
    const value = literalOf(right, source);
    return value && row(operator, [value]);
  }
  if (op.name === 'between') {
    const [low, and, high, ...more] = rest;
    if (!low || and?.name !== 'and' || !high || more.length > 0) return undefined;
    const values = [literalOf(low, source), literalOf(high, source)];
    return values.every(Boolean) ? row('between', values as ConditionValue[]) : undefined;
  }
  if (op.name === 'in') {
    const tests = rest.filter((child) => child.name !== '(' && child.name !== ')');
    const items = tests.length === 1 && tests[0]!.name === 'PositiveUnaryTests' ? children(tests[0]!).filter((child) => child.name !== ',') : tests;
    if (items.length === 0 || items.some((item) => item.name !== 'PositiveUnaryTest')) return undefined;
    const values = items.map((item) => {
      const inner = children(item);
      return inner.length === 1 ? literalOf(unwrap(inner[0]!), source) : undefined;
    });
    return values.every(Boolean) ? row('in', values as ConditionValue[]) : undefined;
  }
  return undefined;
}

/** `contains(field, "text")`, positional parameters only. */
function containsRow(node: SyntaxNode, source: string): ConditionRow | undefined {
  const [name, , parameters] = children(node);
  if (!name || source.slice(name.from, name.to) !== 'contains' || parameters?.name !== 'PositionalParameters') return undefined;
  const args = children(parameters).filter((child) => child.name !== ',');
  if (args.length !== 2) return undefined;
  const subject = subjectOf(args[0]!, source);
  const value = literalOf(args[1]!, source);
  if (!subject || subject.asDate || value?.type !== 'string') return undefined;
  return { field: subject.field, operator: 'contains', values: [value] };
}

/** A field path, or `date(field path)` — the form toFeel compares days in. */
function subjectOf(node: SyntaxNode, source: string): { field: string; asDate: boolean } | undefined {
  if (node.name === 'DateTimeLiteral') {
    const argument = dateArgument(node);
    const field = argument && pathOf(argument, source);
    return field ? { field, asDate: true } : undefined;
  }
  const field = pathOf(node, source);
  return field ? { field, asDate: false } : undefined;
}

function pathOf(node: SyntaxNode, source: string): string | undefined {
  if (node.name !== 'VariableName' && node.name !== 'PathExpression') return undefined;
  let plain = true;
  node.cursor().iterate((part) => {
    if (!PATH_NODES.has(part.name)) plain = false;
  });
  const path = source.slice(node.from, node.to).replace(/\s*\.\s*/g, '.');
  return plain && isFieldPath(path) ? path : undefined;
}

/** The one positional argument of `date(…)`, or undefined for other constructors and forms. */
function dateArgument(node: SyntaxNode): SyntaxNode | undefined {
  const [constructor, , parameters] = children(node);
  if (constructor?.name !== 'DateTimeConstructor' || children(constructor)[0]?.name !== 'date' || parameters?.name !== 'PositionalParameters') return undefined;
  const args = children(parameters).filter((child) => child.name !== ',');
  return args.length === 1 ? args[0] : undefined;
}

function literalOf(node: SyntaxNode, source: string): ConditionValue | undefined {
  const text = source.slice(node.from, node.to);
  switch (node.name) {
    case 'StringLiteral': {
      const value = evaluate(text, {}).value;
      return typeof value === 'string' ? { type: 'string', value } : undefined;
    }
    case 'NumericLiteral': {
      const value = evaluate(text, {}).value;
      // -0 reads as 0: the builder writes both as 0.
      return typeof value === 'number' && isPlainNumber(value) ? { type: 'number', value: value === 0 ? 0 : value } : undefined;
    }
    case 'BooleanLiteral':
      return { type: 'boolean', value: text.trim() === 'true' };
    case 'DateTimeLiteral': {
      const argument = dateArgument(node);
      const day = argument?.name === 'StringLiteral' ? evaluate(source.slice(argument.from, argument.to), {}).value : undefined;
      return typeof day === 'string' && isCalendarDay(day) ? { type: 'date', value: day } : undefined;
    }
    default:
      return undefined;
  }
}
