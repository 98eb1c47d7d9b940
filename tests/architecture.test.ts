import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers.js';

const SRC = path.join(PROJECT_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

/** `src/<area>/…` imports, resolved to the area they point at. */
function importsOf(file: string): Array<{ area: string; specifier: string }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '([^']+)'/g)].map((match) => {
    const specifier = match[1]!;
    if (!specifier.startsWith('.')) return { area: specifier, specifier };
    const target = path.relative(SRC, path.resolve(path.dirname(file), specifier));
    return { area: target.split(path.sep)[0]!, specifier };
  });
}

// Which areas each area must never import: dependencies point bot/cli → rag → store, ingest → store; rag reads facts from the store, never the extractor.
const FORBIDDEN: Record<string, string[]> = {
  store: ['bot', 'cli', 'rag', 'ingest', 'app.js', 'grammy'],
  text: ['bot', 'cli', 'rag', 'ingest', 'store', 'app.js', 'grammy'],
  ingest: ['bot', 'cli', 'rag', 'app.js', 'grammy'],
  rag: ['bot', 'cli', 'ingest', 'facts', 'app.js', 'grammy'],
  evaluation: ['bot', 'cli', 'grammy'],
  embeddings: ['bot', 'cli', 'rag', 'store', 'ingest', 'app.js', 'grammy'],
  config: ['bot', 'cli', 'rag', 'store', 'ingest', 'app.js', 'grammy'],
  facts: ['bot', 'cli', 'rag', 'store', 'ingest', 'embeddings', 'app.js', 'grammy'],
};

describe('module dependencies', () => {
  for (const [area, forbidden] of Object.entries(FORBIDDEN)) {
    it(`src/${area} does not import ${forbidden.join(', ')}`, () => {
      const files = sourceFiles(path.join(SRC, area));
      const violations = files.flatMap((file) =>
        importsOf(file)
          .filter((imported) => forbidden.includes(imported.area))
          .map((imported) => `${path.relative(SRC, file)} → ${imported.specifier}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('only entry points read process.env', () => {
    const readers = sourceFiles(SRC)
      .filter((file) => /process\.env/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file));
    expect(readers).toEqual(['config/index.ts']);
  });
});
