import { CampaignKitError } from '../core/errors.js';
import { invalidField } from '../core/validate.js';
import { FORMULA_LIMITS, type FormulaNode } from './parseFormula.js';

type Path = (string | number)[];

const ARITHMETIC: ReadonlySet<unknown> = new Set(['+', '-', '*', '/']);
const COMPARISON: ReadonlySet<unknown> = new Set(['<', '<=', '>', '>=', '==', '!=']);
const FUNCTIONS: ReadonlySet<unknown> = new Set(['min', 'max', 'if']);
const LOWER_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Checks that `value` is a formula tree `parseFormula` could have built: known kinds, operators and
 * functions, finite non-negative literals, lower-case names, `if` with a comparison as its
 * condition and comparisons nowhere else. A parsed formula has no more nodes than characters, so a
 * tree of more than {@link FORMULA_LIMITS}.maxLength nodes (or one that contains itself) is refused
 * before it can exhaust the stack.
 *
 * @throws CampaignKitError `VALIDATION` naming the path of the first bad node, `LIMIT_EXCEEDED`
 * for a tree that is too large.
 */
export function checkFormulaNode(value: unknown): FormulaNode {
  let nodes = 0;
  const fail = (path: Path, message: string) => invalidField('formula tree', path, message);

  const visit = (node: unknown, path: Path, expected: 'number' | 'condition'): void => {
    nodes += 1;
    if (nodes > FORMULA_LIMITS.maxLength) {
      throw new CampaignKitError('LIMIT_EXCEEDED', `Formula tree has more than ${FORMULA_LIMITS.maxLength} nodes (or contains itself)`, {
        details: { limit: FORMULA_LIMITS.maxLength },
      });
    }
    if (typeof node !== 'object' || node === null || Array.isArray(node)) throw fail(path, 'expected a formula node');
    const n = node as Readonly<Record<string, unknown>>;
    const position = n.position;
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) {
      throw fail([...path, 'position'], 'expected a non-negative integer');
    }
    if ((n.kind === 'compare') !== (expected === 'condition')) {
      throw fail(path, expected === 'condition' ? 'the condition of if must be a comparison' : 'a comparison can only be the condition of if');
    }
    switch (n.kind) {
      case 'number':
        if (typeof n.value !== 'number' || !Number.isFinite(n.value) || n.value < 0) throw fail([...path, 'value'], 'expected a finite number, not negative');
        return;
      case 'name':
        if (typeof n.name !== 'string' || !LOWER_NAME.test(n.name)) throw fail([...path, 'name'], 'expected a lower-case name');
        return;
      case 'negate':
        visit(n.operand, [...path, 'operand'], 'number');
        return;
      case 'binary':
      case 'compare':
        if (!(n.kind === 'binary' ? ARITHMETIC : COMPARISON).has(n.operator)) throw fail([...path, 'operator'], `unknown ${n.kind} operator`);
        visit(n.left, [...path, 'left'], 'number');
        visit(n.right, [...path, 'right'], 'number');
        return;
      case 'call': {
        const args = n.args;
        if (!FUNCTIONS.has(n.name)) throw fail([...path, 'name'], 'expected min, max or if');
        if (!Array.isArray(args)) throw fail([...path, 'args'], 'expected an array');
        if (n.name === 'if' ? args.length !== 3 : args.length < 2) throw fail([...path, 'args'], n.name === 'if' ? 'if takes 3 arguments' : `${String(n.name)} takes at least 2 arguments`);
        for (let i = 0; i < args.length; i += 1) visit(args[i], [...path, 'args', i], n.name === 'if' && i === 0 ? 'condition' : 'number');
        return;
      }
      default:
        throw fail([...path, 'kind'], 'expected number, name, negate, binary, compare or call');
    }
  };

  visit(value, [], 'number');
  return value as FormulaNode;
}
