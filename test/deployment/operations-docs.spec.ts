/**
 * docs/operations.md and the monitoring artefacts against the code: the
 * configuration reference is what the schemas say, and the Grafana dashboard
 * and the alerting rules use only metrics and labels the services export.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metric } from 'prom-client';
import { parse } from 'yaml';
import { PlatformMetrics } from '@passerelle/platform/observability';
import {
  CONFIG_REFERENCE_COMMAND,
  currentConfigReference,
  operationsGuidePath,
  renderConfigReference,
} from '../../tools/deploy/config-reference';
import { allServiceFacts } from '../../tools/deploy/service-catalogue';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the configuration reference in docs/operations.md', () => {
  const section = currentConfigReference(readFileSync(operationsGuidePath(ROOT), 'utf8'));

  it(`is what the configuration schemas say (run \`${CONFIG_REFERENCE_COMMAND}\` after changing apps/*/src/config.ts)`, () => {
    if (section === undefined) throw new Error('docs/operations.md has lost its config-reference markers');
    if (section !== renderConfigReference()) throw new Error(`the configuration reference in docs/operations.md is stale: run \`${CONFIG_REFERENCE_COMMAND}\``);
  });

  it('names every variable of every service, marks each secret, and shows no secret default', () => {
    for (const facts of allServiceFacts()) {
      for (const variable of Object.values(facts.schema)) {
        const row = (section ?? '').split('\n').find((line) => line.startsWith(`| \`${variable.env}\` |`));
        expect({ service: facts.name, variable: variable.env, documented: row !== undefined }).toEqual({ service: facts.name, variable: variable.env, documented: true });
        const cells = (row ?? '').split(/(?<!\\)\|/).map((cell) => cell.trim());
        expect({ variable: variable.env, secret: cells[4] }).toEqual({ variable: variable.env, secret: variable.secret ? 'yes' : '' });
        if (variable.secret && typeof variable.default === 'string' && variable.default !== '') expect(section).not.toContain(variable.default);
      }
    }
  });
});

/** Metrics declared in the code besides the platform's registry (e.g. evaluation's), read from the source: name → label names. */
function declaredMetrics(): Map<string, { type: string; labels: string[] }> {
  const found = new Map<string, { type: string; labels: string[] }>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('spec.ts')) {
        for (const match of read(path).matchAll(/new (Counter|Gauge|Histogram|Summary)\(\{\s*name: '([a-z_:][a-z0-9_:]*)'([\s\S]*?)\}\);/g)) {
          const labels = /labelNames: \[([^\]]*)\]/.exec(match[3])?.[1] ?? '';
          found.set(match[2], { type: match[1], labels: [...labels.matchAll(/'([^']+)'/g)].map((label) => label[1]) });
        }
      }
    }
  };
  visit('apps');
  visit('libs');
  return found;
}

/** Every series name the services export (histograms with their suffixes), with the labels each carries. */
function exportedSeries(): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  const add = (name: string, type: string, labelNames: readonly string[]) => {
    const labels = new Set(['service', ...labelNames]);
    if (type === 'Histogram') {
      series.set(`${name}_bucket`, new Set([...labels, 'le']));
      series.set(`${name}_sum`, labels);
      series.set(`${name}_count`, labels);
    } else {
      series.set(name, labels);
    }
  };
  const metrics = new PlatformMetrics('test');
  for (const metric of metrics.registry.getMetricsAsArray() as unknown as (Metric & { name: string; labelNames?: string[] })[]) {
    add(metric.name, metric.constructor.name, metric.labelNames ?? []);
  }
  for (const [name, { type, labels }] of declaredMetrics()) add(name, type, labels);
  return series;
}

/** Labels Prometheus adds when it scrapes a pod. */
const SCRAPE_LABELS = ['pod', 'instance', 'namespace', 'job'];
const PROMQL_WORDS = new Set([
  'sum', 'max', 'min', 'avg', 'count', 'rate', 'irate', 'increase', 'histogram_quantile', 'by', 'without', 'on', 'ignoring', 'and', 'or', 'unless',
]);

/** The metric names and grouping labels of a PromQL expression. */
function referencesOf(expr: string): { metrics: string[]; groupings: string[][] } {
  const groupings = [...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].map((match) => match[1].split(',').map((label) => label.trim()).filter(Boolean));
  const stripped = expr
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(?:by|without)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"[^"]*"/g, '');
  const metrics = (stripped.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []).filter((word) => !PROMQL_WORDS.has(word));
  return { metrics, groupings };
}

function expectKnown(where: string, expr: string, series: Map<string, Set<string>>): string[] {
  const { metrics, groupings } = referencesOf(expr);
  expect({ where, unknown: metrics.filter((metric) => !series.has(metric)) }).toEqual({ where, unknown: [] });
  const labels = new Set([...SCRAPE_LABELS, ...metrics.flatMap((metric) => [...(series.get(metric) ?? [])])]);
  expect({ where, unknownLabels: groupings.flat().filter((label) => !labels.has(label)) }).toEqual({ where, unknownLabels: [] });
  return metrics;
}

/** The metrics of the platform and the apps (not prom-client's process defaults): each must be on the dashboard. */
const SHOWN_METRICS = [...declaredMetrics().keys()];

describe('the Grafana dashboard (docs/grafana/passerelle-services.json)', () => {
  const series = exportedSeries();
  const dashboard = JSON.parse(read('docs/grafana/passerelle-services.json')) as {
    uid: string;
    templating: { list: { name: string }[] };
    panels: { type: string; title: string; id: number; targets?: { expr: string }[] }[];
  };

  it('finds the metrics the code declares: the platform ones and the apps own', () => {
    expect(SHOWN_METRICS).toEqual(
      expect.arrayContaining(['http_requests_total', 'events_dead_lettered_total', 'outbox_backlog', 'kafka_consumer_lag', 'evaluation_projection_lag_seconds']),
    );
    for (const name of SHOWN_METRICS) expect([...series.keys()].some((key) => key === name || key.startsWith(`${name}_`))).toBe(true);
    expect(series.get('kafka_consumer_lag')).toEqual(new Set(['service', 'group', 'topic', 'partition']));
  });

  it('queries only metrics and labels the services export', () => {
    const used = dashboard.panels.flatMap((panel) => (panel.targets ?? []).flatMap((target) => expectKnown(panel.title, target.expr, series)));
    expect(used.length).toBeGreaterThan(10);
  });

  it('shows every metric the code declares', () => {
    const exprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)).join('\n');
    for (const name of SHOWN_METRICS) expect({ name, shown: new RegExp(`\\b${name}(_bucket)?\\b`).test(exprs) }).toEqual({ name, shown: true });
  });

  it('has unique panel ids, a service filter and a data source variable', () => {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.templating.list.map((variable) => variable.name)).toEqual(['datasource', 'service']);
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
      for (const target of panel.targets ?? []) expect(target.expr).toContain('service=~"$service"');
    }
  });

  it('really checks: an unknown metric or label is reported', () => {
    expect(() => expectKnown('typo', 'sum by (service) (rate(http_request_total[5m]))', series)).toThrow();
    expect(() => expectKnown('label', 'sum by (topic) (rate(http_requests_total[5m]))', series)).toThrow();
  });
});

describe('the alerting rules (deploy/monitoring/prometheus-rules.yaml)', () => {
  const series = exportedSeries();
  const rules = (parse(read('deploy/monitoring/prometheus-rules.yaml')) as { groups: { rules: { alert: string; expr: string }[] }[] }).groups.flatMap((group) => group.rules);

  it('alert only on metrics and labels the services export, each explained in docs/operations.md', () => {
    const guide = read('docs/operations.md');
    for (const rule of rules) {
      expectKnown(rule.alert, rule.expr, series);
      expect({ alert: rule.alert, documented: guide.includes(`| ${rule.alert} |`) }).toEqual({ alert: rule.alert, documented: true });
    }
  });

  it('cover consumer lag, dead letters, the outbox and errors', () => {
    const exprs = rules.map((rule) => rule.expr).join('\n');
    for (const name of ['kafka_consumer_lag', 'events_dead_lettered_total', 'outbox_backlog', 'http_requests_total']) expect(exprs).toContain(name);
  });
});
