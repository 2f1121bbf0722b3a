// The rooms of shared/ and the one direction imports run between them (DEVELOPERS.md draws the map):
// every import goes down a layer or stays in its room, no module imports itself round a circle, and
// code outside shared/ reaches it through #shared/* rather than ../ chains.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const layers = ['platform', 'model', 'i18n', 'store', 'mail', 'actions', 'pages', 'http', 'runtime'] as const;
// What each room may import besides itself: the rooms below it that it needs.
const allowed: Record<(typeof layers)[number], readonly string[]> = {
  platform: [],
  model: ['platform'],
  i18n: ['model'],
  store: ['model', 'platform'],
  mail: ['store', 'model', 'i18n', 'platform'],
  actions: ['mail', 'store', 'model', 'platform'],
  pages: ['actions', 'i18n', 'model', 'platform'],
  http: ['pages', 'model', 'i18n', 'platform'],
  runtime: ['actions', 'mail', 'store', 'model', 'platform'],
};

const sources = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.ts'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file.endsWith('.ts') && !file.startsWith('node_modules/'));

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'|import\('([^']+)'\)/gm)].map((match) => (match[1] ?? match[2] ?? match[3])!);
}

function resolved(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('#shared/')) return `shared/${specifier.slice('#shared/'.length)}`;
  if (specifier.startsWith('.')) return normalize(join(dirname(file), specifier));
  return undefined;
}

const sharedFiles = sources.filter((file) => file.startsWith('shared/'));
const roomOf = (file: string) => file.split('/')[1] as (typeof layers)[number];

describe('the rooms of shared/', () => {
  it('hold every shared module in a room of a known layer', () => {
    // Act
    const stray = sharedFiles.filter((file) => !(layers as readonly string[]).includes(roomOf(file)) || file.split('/').length !== 3);

    // Assess
    expect(stray).toEqual([]);
  });

  it('import only down the layers, or within their own room', () => {
    // Prepare
    const wrong: string[] = [];

    // Act
    for (const file of sharedFiles) {
      for (const specifier of importsOf(file)) {
        const target = resolved(file, specifier);
        if (!target?.startsWith('shared/')) continue;
        const from = roomOf(file);
        const to = roomOf(target);
        if (from !== to && !allowed[from].includes(to)) wrong.push(`${file} -> ${target}`);
      }
    }

    // Assess
    expect(wrong).toEqual([]);
  });

  it('have no circle of imports', () => {
    // Prepare
    const graph = new Map(sharedFiles.map((file) => [file, importsOf(file).map((specifier) => resolved(file, specifier)).filter((target): target is string => target?.startsWith('shared/') ?? false)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };

    // Act
    for (const file of sharedFiles) visit(file, []);

    // Assess
    expect(cycles).toEqual([]);
  });

  it('are reached from outside shared/ through #shared/*', () => {
    // Act
    const chains = sources
      .filter((file) => !file.startsWith('shared/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((specifier) => specifier.startsWith('.') && relative(root, join(root, dirname(file), specifier)).startsWith('shared/'))
          .map((specifier) => `${file}: ${specifier}`),
      );

    // Assess
    expect(chains).toEqual([]);
  });
});
