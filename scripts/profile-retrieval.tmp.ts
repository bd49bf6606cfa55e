// Temporary profiling harness (not committed): persistent store under /tmp/kiln-prof.
import pino from 'pino';
import { readCorpus } from '../knowledge/corpus/load-corpus.ts';
import { loadEvaluationSet } from '../knowledge/evaluation/load-evaluation-set.ts';
import { createKnowledgeBase, patternCollectionName } from '../knowledge/knowledge-base.ts';
import type { IndexablePattern } from '../knowledge/patterns/pattern-indexer.ts';
import { startInfrastructure } from '../server/infrastructure/infrastructure.ts';
import { sqlHandle } from '../server/persistence/sql-handle.ts';
import { patternNodeId } from '../knowledge/graph/graph-store.ts';

const target = Number(process.argv[2] ?? 100000);
const log = pino({ level: 'warn' });
function random(seed: number) { return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const { patterns: seeds } = await readCorpus();
const vocabulary = [...new Set(seeds.flatMap((seed) => `${seed.manifest.title} ${seed.manifest.summary}`.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
const next = random(42);
const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
function synthetic(index: number): IndexablePattern {
  const seed = seeds[index % seeds.length]!;
  const extra = Array.from({ length: 6 }, () => pick(vocabulary));
  const suffix = `V${index}`;
  return { pattern: { id: `synthetic-${index}`, title: `${seed.manifest.title} ${extra.slice(0, 2).join(' ')}`, summary: `${seed.manifest.summary} ${extra.join(' ')}.`, language: seed.manifest.language, tags: [...seed.manifest.tags, pick(vocabulary)].slice(0, 6), questions: [], code: seed.code.replace(/\b([a-z][A-Za-z0-9]{3,})\(/g, `$1${suffix}(`), tests: null, libraries: seed.manifest.libraries, source: { kind: 'user', path: `synthetic/${index}` } } };
}
const infrastructure = await startInfrastructure({ dataDir: '/tmp/kiln-prof', databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined }, log);
try {
  const knowledge = await createKnowledgeBase({ sql: sqlHandle(infrastructure.dataSource), chroma: infrastructure.chroma, graph: infrastructure.graph, log });
  await knowledge.loadSeeds();
  let count = await knowledge.patterns.count();
  for (let start = count - 166; start < target; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, target - start) }, (_, o) => synthetic(start + o));
    await knowledge.indexer.index(batch);
    process.stderr.write(`\r${start + batch.length}`);
  }
  const questions = (await loadEvaluationSet()).map((e) => e.question);
  const collection = await infrastructure.chroma.getCollection({ name: patternCollectionName });
  const times: Record<string, number[]> = {};
  const add = (k: string, v: number) => (times[k] ??= []).push(v);
  for (let i = 0; i < 300; i++) {
    const q = questions[i % questions.length]!;
    let t = performance.now(); const [e] = await knowledge.embedder.embed([q]); add('embed', performance.now() - t);
    t = performance.now(); await collection.query({ queryEmbeddings: [e!], nResults: 30, include: ['distances'] }); add('chroma', performance.now() - t);
    const words = (q.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length >= 3).slice(0, 6);
    t = performance.now(); const { hits } = await knowledge.patterns.searchText({ terms: words, widened: words.slice(0,3).concat(['wait','delay','pause']) }, { k: 30 }); add('text', performance.now() - t);
    t = performance.now(); await knowledge.graph.neighbours(hits!.slice(0, 3).map((h) => patternNodeId(h.id)), { edges: ['RELATED_TO', 'SUPERSEDES', 'DERIVED_FROM'] }); add('graph', performance.now() - t);
    t = performance.now(); await knowledge.patterns.findByIds(hits!.slice(0, 15).map((h) => h.id)); add('rows', performance.now() - t);
    t = performance.now(); await knowledge.retriever.search(q, { k: 5 }); add('hybrid', performance.now() - t);
  }
  const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.floor(p / 100 * v.length)]!.toFixed(2);
  for (const [k, v] of Object.entries(times)) console.log(k.padEnd(8), 'p50', pct(v, 50), 'p95', pct(v, 95));
} finally { await infrastructure.stop(); }
