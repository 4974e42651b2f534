import { type Bilingual, messageOf } from '@scorebook/problems';
import { FORMULA_ERRORS } from './errors.ts';

/** A formula metric for ordering: its id and the names its formula reads (see formulaNames). */
export interface FormulaReads {
  id: string;
  reads: readonly string[];
}

/** Formula metrics that read each other in a circle; `members` in declaration order. */
export interface FormulaCycle {
  code: 'FORMULA_CYCLE';
  severity: 'error';
  members: string[];
  message: Bilingual;
}

/** The result of dependencyOrder. */
export interface DependencyOrder {
  /** Ids such that every formula comes after the formulas it reads; ties in declaration order. */
  order: string[];
  /** Every cycle (a formula reading itself is one), in the declaration order of its first member. */
  cycles: FormulaCycle[];
  /** Formulas outside any cycle that read one, directly or through others: they cannot be ordered. */
  blocked: string[];
}

/**
 * Orders formula metrics so that each is computed after the formula metrics it reads. Names that
 * are not among the ids (plain metrics, history and team facts) are ignored. Deterministic:
 * among formulas that are ready, the one declared first comes first.
 */
export function dependencyOrder(formulas: readonly FormulaReads[]): DependencyOrder {
  const ids = new Set(formulas.map((f) => f.id));
  const reads = new Map(formulas.map((f) => [f.id, [...new Set(f.reads)].filter((r) => ids.has(r))]));
  const declared = new Map(formulas.map((f, i) => [f.id, i]));
  const cycles = stronglyConnected([...reads.keys()], reads)
    .filter((c) => c.length > 1 || (reads.get(c[0] as string) ?? []).includes(c[0] as string))
    .map((c) => c.sort((a, b) => (declared.get(a) as number) - (declared.get(b) as number)))
    .sort((a, b) => (declared.get(a[0] as string) as number) - (declared.get(b[0] as string) as number))
    .map(
      (members): FormulaCycle => ({
        code: 'FORMULA_CYCLE',
        severity: 'error',
        members,
        message: messageOf(FORMULA_ERRORS, 'FORMULA_CYCLE', {
          members: [...members, members[0]].join(' → '),
        }),
      }),
    );
  const inCycle = new Set(cycles.flatMap((c) => c.members));
  const order = readyFirst(
    formulas.map((f) => f.id),
    reads,
    inCycle,
  );
  const placed = new Set(order);
  const blocked = [...reads.keys()].filter((id) => !placed.has(id) && !inCycle.has(id));
  return { order, cycles, blocked };
}

// Kahn's algorithm: of the formulas whose reads are all placed, the one declared first goes next.
function readyFirst(
  ids: readonly string[],
  reads: ReadonlyMap<string, string[]>,
  skip: ReadonlySet<string>,
): string[] {
  const position = new Map(ids.map((id, i) => [id, i]));
  const waiting = new Map(ids.map((id) => [id, (reads.get(id) as string[]).length]));
  const readers = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) for (const r of reads.get(id) as string[]) readers.get(r)?.push(id);
  const ready = new MinHeap();
  for (const id of ids) if (waiting.get(id) === 0 && !skip.has(id)) ready.push(position.get(id) as number);
  const order: string[] = [];
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    const id = ids[i] as string;
    order.push(id);
    for (const reader of readers.get(id) as string[]) {
      const left = (waiting.get(reader) as number) - 1;
      waiting.set(reader, left);
      if (left === 0 && !skip.has(reader)) ready.push(position.get(reader) as number);
    }
  }
  return order;
}

class MinHeap {
  readonly #items: number[] = [];

  push(value: number): void {
    const items = this.#items;
    items.push(value);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= value) break;
      items[i] = items[parent] as number;
      items[parent] = value;
      i = parent;
    }
  }

  pop(): number | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < items.length && (items[l] as number) < (items[least] as number)) least = l;
      if (r < items.length && (items[r] as number) < (items[least] as number)) least = r;
      if (least === i) break;
      [items[i], items[least]] = [items[least] as number, items[i] as number];
      i = least;
    }
    return top;
  }
}

// Tarjan's algorithm, iterative so that a long chain of formulas cannot overflow the stack.
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; edge: number };
      const targets = edges.get(frame.node) ?? [];
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++] as string;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined)
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        for (;;) {
          const member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        components.push(component);
      }
    }
  }
  return components;
}
