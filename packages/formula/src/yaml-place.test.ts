import { describe, expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Formula, FormulaProblem } from './ast.ts';
import { checkFormula } from './names.ts';
import { parseFormula } from './parse.ts';
import { formulaPlaceInYaml, formulaSourceProblem, type ScalarStyle } from './yaml-place.ts';

// The YAML place of the first problem of the formula under `formula:`, found the way a policy
// loader would: parse the file, take the scalar, map the problem's column.
function placeOfProblem(source: string): [string, number, number] {
  const lines = new LineCounter();
  const map = parseDocument(source, { lineCounter: lines }).contents;
  if (!isMap(map)) throw new Error('not a mapping');
  const node: unknown = map.get('formula', true);
  if (!isScalar(node)) throw new Error('not a scalar');
  const [problem] = parseFormula(String(node.value)).problems;
  if (problem === undefined) throw new Error('no problem');
  const place = formulaPlaceInYaml(
    { source, start: node.range?.[0] ?? 0, style: node.type as ScalarStyle },
    problem.column,
  );
  const yamlSays = lines.linePos(place.offset);
  expect([place.line, place.column]).toEqual([yamlSays.line, yamlSays.col]);
  return [source.slice(place.offset, place.offset + 4), place.line, place.column];
}

describe('formulaPlaceInYaml', () => {
  it('places a column of a plain scalar', () => {
    expect(placeOfProblem('id: x\nformula: a + $b\n')).toEqual(['$b\n', 2, 14]);
  });

  it('places a column of a folded plain scalar', () => {
    expect(placeOfProblem('formula: 0.6 * a\n  + 0.4 *\n\n  $b\n')).toEqual(['$b\n', 4, 3]);
  });

  it("places a column of a single-quoted scalar, '' counting as one character", () => {
    expect(placeOfProblem("formula: 'a + $b'\n")).toEqual(["$b'\n", 1, 15]);
    const source = "formula: 'x(''y'') + $c'\n";
    // The value is x('y') + $c: `$` is its 10th character.
    expect(formulaPlaceInYaml({ source, start: 9, style: 'QUOTE_SINGLE' }, 10)).toEqual({
      offset: 21,
      line: 1,
      column: 22,
    });
    expect(source[21]).toBe('$');
  });

  it('places a column of a double-quoted scalar after escapes and an escaped line break', () => {
    expect(placeOfProblem('formula: "a + \\x62 + \\u0063 \\\n   + $d"\n')).toEqual(['$d"\n', 2, 6]);
  });

  it('places a block scalar at its start', () => {
    expect(placeOfProblem('formula: |\n  a + $b\n')).toEqual(['|\n  ', 1, 10]);
  });

  it('turns a formula problem into a problem of the YAML file', () => {
    const source = 'metrics:\n  - id: uplift\n    formula: "(aov - prev) / prevv"\n';
    const formula = parseFormula('(aov - prev) / prevv').formula as Formula;
    const [problem] = checkFormula(formula, ['aov', 'prev']);
    const scalar = { source, start: source.indexOf('"'), style: 'QUOTE_DOUBLE' as const };
    const placed = formulaSourceProblem(problem as FormulaProblem, {
      file: 'policy.yaml',
      path: 'metrics[0].formula',
      scalar,
    });
    expect(placed).toEqual({
      code: 'FORMULA_UNKNOWN_NAME',
      severity: 'error',
      message: problem?.message,
      file: 'policy.yaml',
      line: 3,
      column: 30,
      endLine: 3,
      endColumn: 35,
      path: 'metrics[0].formula',
    });
    expect(source.split('\n')[2]?.slice(29, 34)).toBe('prevv');
  });
});
