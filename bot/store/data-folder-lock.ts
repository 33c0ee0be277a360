import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../domain/result.js';

const LOCK_FILE = 'cin-assistant.pid';

export interface DataFolderLock {
  release(): void;
}

export type DataFolderHeld = { readonly kind: 'data-folder-held'; readonly dataDir: string; readonly pid: number };

/**
 * Claims the embedded database's folder for this process. PGlite is one process's database: a second process
 * opening the same folder (a second bot, or `npm run reminders:tick` beside a running bot) would corrupt it. A
 * lock left by a process that has died is taken over.
 */
export function holdDataFolder(dataDir: string): Result<DataFolderLock, DataFolderHeld> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = openSync(path, 'wx');
      writeFileSync(handle, String(process.pid));
      closeSync(handle);
      return ok({ release: () => rmSync(path, { force: true }) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) return err({ kind: 'data-folder-held', dataDir, pid });
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not claim ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
