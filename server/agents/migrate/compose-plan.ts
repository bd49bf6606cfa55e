import type { MigrationGuide } from '../../../knowledge/migrations/migration-guide.ts';
import type { Pattern } from '../../../knowledge/patterns/pattern.ts';
import { compareVersions, versionOf, type MigrationRequest } from './detect-migration.ts';
import type { Manifest } from './read-manifest.ts';

/** What the pattern store says about a migration (each part may be empty when a store is down). */
export interface StoreFindings {
  /** Patterns that use what is migrated away from (USES edges of its Library node). */
  affected: { id: string; title: string }[];
  affectedTotal: number;
  /** Pairs where one stored pattern supersedes another (SUPERSEDES edges): recommend the first. */
  replacements: { pattern: { id: string; title: string }; replaces: { id: string; title: string } }[];
  /** Patterns showing the target approach: the guide's own, then the search's. */
  helpful: Pattern[];
}

export interface PlanInput {
  request: MigrationRequest;
  manifest?: Manifest;
  /** Where the manifest came from: `the pasted package.json`, or the path that was read. */
  manifestSource?: string;
  store: StoreFindings;
}

/** The numbered plan: Kiln's baseline and verification steps around the guide's, then breaking changes with searches, risks and the store's findings. */
export function composeMigrationPlan({ request, manifest, manifestSource, store }: PlanInput): string {
  const { guide } = request;
  const lines = [`## Migration plan: ${titleOf(request)}`, ''];
  if (guide) lines.push(guide.summary, '');
  lines.push(...situation(request, manifest, manifestSource), '');
  const changes = guide ? applicableChanges(guide, request) : [];
  lines.push('### Steps', '', ...numbered(steps(request, manifest, changes.length)), '');
  if (guide) {
    lines.push('### Breaking changes', '');
    if (changes.length === 0) lines.push('None of the curated changes fall between these versions.', '');
    if (changes.some((change) => change.find)) {
      lines.push(
        'Each check is a search from the project root that finds nothing once the change is made. Define it once in your shell:',
        '',
        '```sh',
        searchFunction(guide),
        '```',
        '',
      );
    }
    changes.forEach((change, index) => {
      lines.push(`${index + 1}. ${change.change} **Do:** ${change.action}`);
      if (change.find)
        lines.push(`   - Check: ${inlineCode(`find_uses '${change.find.replaceAll("'", "'\\''")}'`)} finds nothing.`);
    });
    lines.push('', '### Risks', '', ...guide.risks.map((risk) => `- ${risk}`), '');
  }
  lines.push(...storeSection(request, store));
  if (guide) lines.push('References:', ...guide.references.map((reference) => `- ${reference}`));
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

/** What Kiln can say when the message names no migration it recognises. */
export function composeWhatToMigrate(guides: readonly MigrationGuide[]): string {
  return [
    'I could not tell what to migrate from your message. Say what you are moving from and to, for example:',
    '',
    '- "upgrade express from 4 to 5" (or "upgrade to express 5" with your package.json pasted)',
    '- "move from moment to date-fns", "jest to vitest", "migrate this CommonJS to ESM"',
    '- "Python 3.8 → 3.12", "node 16 to 20"',
    '',
    'Paste your package.json, requirements.txt or pyproject.toml in a fenced block (```), so the plan starts from the versions you have.',
    '',
    'Kiln has curated notes on these migrations:',
    ...guides.map((guide) => `- ${guide.title}`),
  ].join('\n');
}

function titleOf({ guide, from, to }: MigrationRequest): string {
  if (guide?.ecosystem === 'runtime')
    return `${guide.title.split(' ')[0]} ${from.version ?? guide.from.version} to ${to.version}`;
  if (guide) return guide.title;
  return from.name === to.name
    ? `${from.name} ${from.version ?? '(current)'} to ${to.version}`
    : `${from.name} to ${to.name}`;
}

function situation(
  request: MigrationRequest,
  manifest: Manifest | undefined,
  manifestSource: string | undefined,
): string[] {
  const { guide, from, to } = request;
  const lines: string[] = [];
  const current = from.version
    ? `${from.name} ${from.version}${request.currentVersionFrom === 'manifest' ? ` (from ${manifestSource ?? 'your manifest'})` : ''}`
    : from.name;
  lines.push(`- **From:** ${current}`, `- **To:** ${to.name}${to.version ? ` ${to.version}` : ''}`);
  const needed = guide?.requiresRuntime;
  if (needed) {
    const declared = manifest?.runtime?.name === needed.name ? manifest.runtime.version : undefined;
    const declaredFloor = declared ? versionOf(declared) : undefined;
    const runtimeName = needed.name === 'node' ? 'Node.js' : 'Python';
    if (declaredFloor && compareVersions(declaredFloor, needed.version) < 0) {
      lines.push(
        `- **Requires:** ${runtimeName} ${needed.version} or newer, but your manifest allows ${declared}: raise it first.`,
      );
    } else lines.push(`- **Requires:** ${runtimeName} ${needed.version} or newer.`);
  }
  if (!guide)
    lines.push(
      '',
      "Kiln has no curated notes on this migration, so the plan below is the general procedure: the breaking changes come from the project's own release notes.",
    );
  return lines;
}

interface Step {
  action: string;
  check: string;
}

function steps(request: MigrationRequest, manifest: Manifest | undefined, changeCount: number): Step[] {
  const { guide, from, to } = request;
  const baseline: Step = {
    action:
      '**Start from a green baseline.** Work on a branch, and run the tests (and the type check) on the current version before changing anything.',
    check: `the suite passes on ${from.name}${from.version ? ` ${from.version}` : ''}; keep the result to compare against.`,
  };
  const verify: Step = {
    action:
      '**Verify the whole application.** Run the type check and the full test suite, then start the app and exercise its main paths; roll out to a staging environment before production.',
    check: 'everything passes, and the logs show no new errors or deprecation warnings.',
  };
  if (!guide) {
    const install = installCommand(from.name, to, request.packageManager);
    return [
      baseline,
      {
        action: `**Read what changed.** Read the release notes or migration guide of ${to.name} for every version from ${from.version ?? 'yours'} to ${to.version ?? 'the target'}, and list the breaking changes that touch your code.`,
        check: 'each breaking change in the list has a place in your code, or a note that it does not apply.',
      },
      {
        action: `**Upgrade.** ${install}`,
        check: `${request.packageManager === 'pip' ? '`python -m pip check`' : '`npm ls`'} reports no conflicts and the installed version is the target.`,
      },
      {
        action: '**Fix what breaks,** one breaking change at a time, re-running the tests after each.',
        check: 'the type check and tests pass after each change.',
      },
      verify,
    ];
  }
  const companions = guide.companions.filter(
    (companion) => !manifest || manifest.dependencies.some((dependency) => dependency.name === companion.name),
  );
  const codemods = guide.codemods.map((codemod) => ({
    action: `**Run the codemod:** \`${codemod.command}\` (${codemod.does}).`,
    check: 'review its diff (`git diff`) before committing; the tests still run.',
  }));
  const result: Step[] = [
    baseline,
    ...codemods,
    ...guide.steps.map((step) => ({ action: step.action, check: step.check })),
  ];
  if (changeCount > 0) {
    result.push({
      action: '**Fix the breaking changes below,** one at a time, re-running the tests after each.',
      check: 'each search listed with the changes comes back empty, or every remaining hit was reviewed.',
    });
  }
  if (companions.length) {
    result.push({
      action: `**Move the related packages along:** ${companions.map((companion) => `\`${companion.name}\`: ${companion.note}`).join(' ')}`,
      check: `${guide.ecosystem === 'pypi' ? '`python -m pip check`' : '`npm ls`'} reports no conflicts.`,
    });
  }
  return [...result, verify];
}

function numbered(items: Step[]): string[] {
  return items.flatMap((item, index) => [
    `${index + 1}. ${item.action}`,
    `   - Check: ${item.check.charAt(0).toLowerCase()}${item.check.slice(1)}`,
  ]);
}

/** The guide's changes that lie between the current and the target version (all of them when the current one is unknown). */
function applicableChanges(guide: MigrationGuide, { from, to }: MigrationRequest): MigrationGuide['changes'] {
  return guide.changes.filter((change) => {
    if (!change.since) return true;
    if (to.version && compareVersions(change.since, to.version) > 0) return false;
    return !from.version || compareVersions(change.since, from.version) > 0;
  });
}

function installCommand(
  name: string,
  to: MigrationRequest['to'],
  packageManager: MigrationRequest['packageManager'],
): string {
  if (name !== to.name)
    return `Install \`${to.name}\` next to \`${name}\`, move the code over module by module, then remove \`${name}\`.`;
  const pip = `\`python -m pip install "${to.name}${to.version ? `==${to.version}.*` : ''}"\`, then update the pin in your requirements`;
  const npm = `\`npm install ${to.name}@${to.version ?? 'latest'}\``;
  if (packageManager === 'pip') return `${pip}.`;
  if (packageManager === 'npm') return `${npm} (or your package manager's equivalent).`;
  return `${npm} for a JavaScript package, or ${pip} for a Python one.`;
}

/** A shell function running `grep -rnE` over the guide's kinds of source file, skipping dependency folders. */
export function searchFunction(guide: Pick<MigrationGuide, 'sourceFiles'>): string {
  const includes = guide.sourceFiles.map((extension) => `--include='*.${extension}'`).join(' ');
  return `find_uses() { grep -rnE ${includes} --exclude-dir=node_modules --exclude-dir=.venv --exclude-dir=.git "$1" .; }`;
}

/** Inline code that survives backticks inside it. */
function inlineCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function storeSection({ guide, from }: MigrationRequest, store: StoreFindings): string[] {
  const lines = ["### From Kiln's pattern store", ''];
  const name = guide?.packages[0] ?? from.name;
  if (store.affectedTotal > 0) {
    const shown = store.affected.map((pattern) => `${pattern.title} (\`${pattern.id}\`)`).join('; ');
    lines.push(
      `- ${store.affectedTotal} stored pattern${store.affectedTotal === 1 ? ' uses' : 's use'} \`${name}\`; check ${store.affectedTotal === 1 ? 'it' : 'them'} against the new version: ${shown}${store.affectedTotal > store.affected.length ? ', …' : ''}.`,
    );
  } else lines.push(`- No stored pattern uses \`${name}\`.`);
  for (const { pattern, replaces } of store.replacements) {
    lines.push(
      `- **${pattern.title}** (\`${pattern.id}\`) supersedes **${replaces.title}** (\`${replaces.id}\`): prefer it in code you touch during the migration.`,
    );
  }
  if (store.helpful.length) {
    lines.push(
      '- Patterns for the target approach:',
      ...store.helpful.map((pattern) => `  - **${pattern.title}** (\`${pattern.id}\`): ${pattern.summary}`),
    );
  }
  return [...lines, ''];
}
