// isBoundedFeel: whether a FEEL expression provably finishes quickly on any input. The engine
// runs commands of a process whose FEEL is all bounded on its main thread, without the
// interpreter worker (and its wall-clock and heap limits); so this is an allow-list over the
// syntax tree and anything it does not know is unbounded.
//
// Bounded: literals, names and paths, comparisons, arithmetic, and/or, if-then-else, between,
// `in` tests, short list and context literals, temporal literals of a constant string, and
// calls to the functions below. Each costs at most linear time in the size of its inputs
// (which the HTTP payload limit bounds) and builds results no larger than a constant factor
// of them. Unbounded: for, some/every, filters, function definitions (iteration or recursion),
// regular expressions (`matches`, `replace`, `split` can backtrack exponentially), list and
// string builders, and every function not listed.
import { parseExpression } from 'feelin';
import { feelSource } from './feel-expression.js';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

/** Items a list, context or `in (…)` literal may hold: work per evaluation stays small. */
export const MAX_LITERAL_ITEMS = 32;

const BOUNDED_FUNCTIONS = new Set([
  'not',
  // strings: a single pass, no regular expression
  'string length',
  'upper case',
  'lower case',
  'substring',
  'substring before',
  'substring after',
  'contains',
  'starts with',
  'ends with',
  // conversion: `number` splits on plain strings; `string` writes its input once
  'string',
  'number',
  // numbers: constant time
  'abs',
  'floor',
  'ceiling',
  'decimal',
  'round up',
  'round down',
  'round half up',
  'round half down',
  'modulo',
  'odd',
  'even',
  // lists: one pass, a scalar result
  'count',
  'min',
  'max',
  'sum',
  'list contains',
  // the command's instant (feel-expression.ts shadows them with `now`)
  'now',
  'today',
]);

/** Syntax tree nodes that are constant work by themselves; their children are checked in turn. */
const BOUNDED_NODES = new Set([
  'Expression',
  'ParenthesizedExpression',
  '(',
  ')',
  'NumericLiteral',
  'StringLiteral',
  'BooleanLiteral',
  'null',
  'VariableName',
  'Identifier',
  'Name',
  'PathExpression',
  'PathName',
  '.',
  'Comparison',
  'CompareOp',
  'between',
  'in',
  'ArithmeticExpression',
  'ArithOp',
  'Disjunction',
  'Conjunction',
  'and',
  'or',
  'IfExpression',
  'if',
  'then',
  'else',
  'PositiveUnaryTest',
  'SimplePositiveUnaryTest',
  'Interval',
  '[',
  ']',
  '..',
  'AtLiteral',
  'DateTimeConstructor',
  'date',
  'time',
  'duration',
  'ContextEntry',
  'Key',
  '{',
  '}',
  'PositionalParameters',
  // checked below with their children
  'FunctionInvocation',
  'DateTimeLiteral',
  'List',
  'Context',
  'PositiveUnaryTests',
]);

/** True when every part of the expression (given with or without its leading `=`) is on the allow-list. */
export function isBoundedFeel(value: string): boolean {
  const source = feelSource(value);
  let bounded = true;
  try {
    parseExpression(source, {}, undefined).iterate({
      enter(ref) {
        if (!bounded) return false;
        bounded = !ref.type.isError && BOUNDED_NODES.has(ref.name) && boundedNode(ref.node, source);
        return bounded;
      },
    });
  } catch {
    return false;
  }
  return bounded;
}

function boundedNode(node: SyntaxNode, source: string): boolean {
  switch (node.name) {
    case 'FunctionInvocation':
      return boundedCall(node, source);
    case 'DateTimeLiteral':
      // `date(…)`, `duration(…)`, …: parsing a variable runs luxon's regular expressions on input; a constant string costs the same every time.
      return node.getChildren('PositionalParameters').every((parameters) => children(parameters).every((argument) => argument.name === 'StringLiteral'));
    case 'List':
      return children(node).filter((child) => child.name !== '[' && child.name !== ']').length <= MAX_LITERAL_ITEMS;
    case 'Context':
      return children(node).filter((child) => child.name === 'ContextEntry').length <= MAX_LITERAL_ITEMS;
    case 'PositiveUnaryTests':
      return children(node).length <= MAX_LITERAL_ITEMS;
    default:
      return true;
  }
}

/** A call of an allowed function by its plain name, with positional arguments. */
function boundedCall(node: SyntaxNode, source: string): boolean {
  const callee = node.firstChild;
  if (callee?.name !== 'VariableName') return false;
  const name = source.slice(callee.from, callee.to).trim().replace(/\s+/g, ' ');
  return BOUNDED_FUNCTIONS.has(name);
}

function children(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) result.push(child);
  return result;
}
