/**
 * The bundled example: October 2026 of `data/sample` as a help-desk export in
 * `data/examples/helpdesk-2026-10` (paths relative to the repository root).
 */
export const EXAMPLE = {
  sampleDir: 'data/sample',
  dir: 'data/examples/helpdesk-2026-10',
  month: '2026-10',
  timezone: 'Asia/Shanghai',
  id: 'helpdesk-2026-10',
  schema: '../../../configs/schema/source.schema.json',
} as const;
