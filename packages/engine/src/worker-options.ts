/**
 * How the engine's worker threads are made (`docs/scale.md` §3): their V8 young generation
 * capped at 16 MiB. Left to V8, a worker that reads pieces of the messages table grows its heap to
 * ~150 MB, mostly garbage of records already read, since nothing it keeps outlives a piece.
 */
export const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 16 } } as const;
