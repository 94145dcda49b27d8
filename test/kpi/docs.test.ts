import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../../src/kpi/builtInMetrics.js';
import { METRIC_INPUTS } from '../../src/kpi/metricInputs.js';

const guide = readFileSync(new URL('../../docs/kpi.md', import.meta.url), 'utf8');

describe('docs/kpi.md', () => {
  it.each(BUILT_IN_METRICS.map((m) => [m.id, m.formula, m.unit, m.direction] as const))(
    'lists %s with its formula, unit and direction',
    (id, formula, unit, direction) => {
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${id}\``));
      expect(row).toBeDefined();
      expect(row).toContain(`| \`${formula}\` | ${unit} | ${direction} |`);
    },
  );

  it('describes every built-in input', () => {
    for (const name of Object.keys(METRIC_INPUTS)) expect(guide).toContain(`\`${name}\``);
  });
});
