import { GraphTables1795300000001 } from './1795300000001-graph-tables.ts';
import { Patterns1795300000003 } from './1795300000003-patterns.ts';
import { IngestedFiles1795300000004 } from './1795300000004-ingested-files.ts';
import { PatternTerms1795300000006 } from './1795300000006-pattern-terms.ts';
import { PatternLearning1795300000008 } from './1795300000008-pattern-learning.ts';
import { ProjectPatterns1795300000015 } from './1795300000015-project-patterns.ts';
import { ProjectPatternVersions1795300000022 } from './1795300000022-project-pattern-versions.ts';

/** The knowledge layer's tables (graph, patterns, ingested files, postings, outcomes); run in Kiln's one ordered list. */
export const knowledgeMigrations = [
  GraphTables1795300000001,
  Patterns1795300000003,
  IngestedFiles1795300000004,
  PatternTerms1795300000006,
  PatternLearning1795300000008,
  ProjectPatterns1795300000015,
  ProjectPatternVersions1795300000022,
];
