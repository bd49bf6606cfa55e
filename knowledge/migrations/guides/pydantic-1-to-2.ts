import type { MigrationGuideInput } from '../migration-guide.ts';

export const pydantic1To2: MigrationGuideInput = {
  id: 'pydantic-1-to-2',
  title: 'Pydantic 1 to 2',
  summary:
    'Pydantic 2 rewrites validation in Rust: model methods gain a `model_` prefix, validators and configuration change shape, coercion is stricter, and settings move to their own package.',
  ecosystem: 'pypi',
  from: { name: 'pydantic', aliases: ['pydantic'], version: '1' },
  to: { name: 'pydantic', aliases: ['pydantic'], version: '2' },
  packages: ['pydantic'],
  changes: [
    {
      change:
        'Model methods are renamed: `.dict()` → `.model_dump()`, `.json()` → `.model_dump_json()`, `parse_obj()` → `model_validate()`, `parse_raw()` → `model_validate_json()`, `copy()` → `model_copy()`, `schema()` → `model_json_schema()`, `update_forward_refs()` → `model_rebuild()`, `__fields__` → `model_fields`.',
      action: 'Rename the calls (the old names still work with deprecation warnings).',
      find: '\\.(dict|json|copy)\\(\\)|parse_obj|parse_raw|update_forward_refs|\\.schema\\(\\)|__fields__',
    },
    {
      change: '`@validator` and `@root_validator` are replaced by `@field_validator` and `@model_validator`.',
      action: 'Rewrite validators as class methods with the new decorators (`mode="before"` replaces `pre=True`).',
      find: '@(root_)?validator',
    },
    {
      change:
        'The inner `class Config` is replaced by `model_config = ConfigDict(...)`; `orm_mode` is `from_attributes`, `allow_population_by_field_name` is `populate_by_name`.',
      action: 'Move the settings to `model_config`.',
      find: 'class Config\\b|orm_mode|allow_population_by_field_name',
    },
    {
      change: 'A field annotated `Optional[X]` without a default is required (it no longer defaults to None).',
      action: 'Write `x: Optional[int] = None` where None should be the default.',
      find: 'Optional\\[[^=]*\\] *$',
    },
    {
      change: 'Validation is stricter: for example an int is no longer accepted for a `str` field.',
      action: 'Convert inputs before validating, or declare the field type that arrives.',
    },
    {
      change: '`BaseSettings` moved to the `pydantic-settings` package.',
      action: 'Install pydantic-settings and import `BaseSettings` from `pydantic_settings`.',
      find: 'from pydantic import .*BaseSettings',
    },
    {
      change: '`Field(regex=...)` is `pattern=`, and `min_items`/`max_items` are `min_length`/`max_length`.',
      action: 'Rename the arguments.',
      find: 'regex=|min_items|max_items',
    },
  ],
  steps: [
    {
      action: 'Upgrade: `python -m pip install "pydantic>=2,<3"` (and `pydantic-settings` if you use settings).',
      check: '`python -c "import pydantic; print(pydantic.VERSION)"` prints 2.x.',
    },
    {
      action: 'Run the tests with deprecation warnings shown, and fix the remaining v1 calls.',
      check: "`python -W error::DeprecationWarning -m pytest` passes (Pydantic's own deprecation warnings included).",
    },
    {
      action: 'Compare serialised output (API responses, stored JSON) before and after on the same inputs.',
      check:
        'The JSON produced by `model_dump_json()` matches what clients received before, or the differences are intended.',
    },
  ],
  codemods: [
    { command: 'pip install bump-pydantic && bump-pydantic <package_folder>', does: 'rewrites most v1 API uses to v2' },
  ],
  risks: [
    'Stricter coercion rejects inputs that v1 accepted: check endpoints that receive loosely typed data.',
    'Libraries built on Pydantic (FastAPI, SQLModel) need versions that support 2; the `pydantic.v1` namespace lets old code run during the move.',
  ],
  companions: [{ name: 'fastapi', note: 'FastAPI supports Pydantic 2 from 0.100.0.' }],
  patterns: ['py-validate-dataclass-fields', 'py-safe-json-load'],
  sourceFiles: ['py'],
  references: ['https://docs.pydantic.dev/latest/migration/'],
};
