/**
 * Vite's production build of an app folder (index.html and the modules it loads) into public/,
 * through Vite's JavaScript API with no config file, keeping Vite's warnings instead of printing
 * them.
 */
import { build, type Logger, type Rolldown } from 'vite';

export interface ViteOutcome {
  /** Warnings and errors Vite logged. */
  readonly messages: string[];
  /** The JavaScript chunks written, with the modules each holds. */
  readonly chunks: Rolldown.OutputChunk[];
}

export async function buildWithVite(folder: string): Promise<ViteOutcome> {
  const messages: string[] = [];
  const keep = (message: string) => void messages.push(message);
  const logger: Logger = {
    info: () => undefined,
    warn: keep,
    warnOnce: keep,
    error: keep,
    clearScreen: () => undefined,
    hasErrorLogged: () => false,
    hasWarned: false,
  };
  const built = await build({
    root: folder,
    configFile: false,
    envDir: false,
    logLevel: 'silent',
    customLogger: logger,
    build: { outDir: 'public', emptyOutDir: true },
  });
  const outputs = Array.isArray(built) ? built : [built];
  const files = outputs.flatMap((output) => ('output' in output ? output.output : []));
  return { messages, chunks: files.filter((file) => file.type === 'chunk') };
}
