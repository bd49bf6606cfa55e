import type { Engine } from '../../protocol/turn-events.ts';

/**
 * Whether the engine is a language model, which can write new code and call tools. The offline engine composes
 * answers from what Kiln already has; agents that would otherwise ask it to write (a repair) ask this instead.
 */
export const writesCode = (engine: Engine) => engine.provider !== 'offline';
