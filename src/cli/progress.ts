import type { CliIO } from './io.js';
import { progressEnabled } from './io.js';

/**
 * Progress of a long run on stderr: one bar per phase with the elapsed time and an ETA, and
 * warnings printed above the bar (never over it). Nothing but the warnings when stderr is not
 * a terminal, in CI, or with --no-progress.
 */
export interface Progress {
  /** Start (or move) the bar of a phase; `total` 0 = unknown (a merge reads parts of unknown length). */
  update(label: string, done: number, total: number): void;
  warn(message: string): void;
  stop(): void;
}

interface Bar {
  update(value: number, payload?: object): void;
  setTotal(total: number): void;
}
interface Bars {
  create(total: number, start: number, payload?: object): Bar;
  log(text: string): void;
  update(): void;
  stop(): void;
}

export async function startProgress(io: CliIO, wanted: boolean): Promise<Progress> {
  if (!progressEnabled(io, wanted)) {
    return { update: () => undefined, warn: (m) => void io.stderr.write(`${m}\n`), stop: () => undefined };
  }
  const { MultiBar, Presets } = (await import('cli-progress')).default;
  let bars: Bars | undefined;
  let bar: Bar | undefined;
  let current = '';
  const open = (label: string, total: number) => {
    close();
    current = label;
    const format = total > 0 ? `${label} {bar} {value}/{total} 篇 | 已用 {duration_formatted} | 剩余 {eta_formatted}` : `${label} {value} 篇 | 已用 {duration_formatted}`;
    bars = new MultiBar({ format, stream: io.stderr as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true, etaBuffer: 40, fps: 8, autopadding: true }, Presets.shades_classic);
    bar = bars.create(total, 0);
  };
  const close = () => {
    bars?.update(); // flush warnings logged since the last redraw: MultiBar.stop drops them
    bars?.stop();
    bars = undefined;
    bar = undefined;
  };
  return {
    update(label, done, total) {
      if (label !== current || !bar) open(label, total);
      bar?.update(done);
    },
    warn(message) {
      if (!bars) {
        io.stderr.write(`${message}\n`);
        return;
      }
      bars.log(`${message}\n`);
      bars.update();
    },
    stop: close,
  };
}
