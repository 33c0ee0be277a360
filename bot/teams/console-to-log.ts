import type { Logger } from '../log.js';

let routedTo: Logger | undefined;

/**
 * botbuilder and botframework-connector write to the console themselves: a multi-line stack trace for every
 * refused token, and the key they tried. Those calls (and only those: the stack says who called) become one JSON
 * log line with the error's name, never its text. The process has one console, so the latest logger wins.
 */
export function routeBotbuilderConsoleToLog(log: Logger): void {
  const alreadyRouted = routedTo !== undefined;
  routedTo = log;
  if (alreadyRouted) return;
  for (const level of ['error', 'warn', 'log'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      if (!calledFromBotbuilder() || routedTo === undefined) return original(...args);
      const [first] = args;
      routedTo.warn('botbuilder-console', { level, errorName: first instanceof Error ? first.name : typeof first });
    };
  }
}

function calledFromBotbuilder(): boolean {
  const frames = new Error().stack?.split('\n').slice(3) ?? [];
  return frames.some((frame) => /node_modules[\\/](botbuilder[^\\/]*|botframework-[^\\/]+)[\\/]/.test(frame));
}
