import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { onShutdown } from './servers';

/**
 * Chromium over the raw DevTools protocol, without Playwright: a person's browser, with no
 * DevTools watching. Playwright enables the `Network` domain on every page, and Chromium's
 * network agent then keeps and decodes each response body (for `Network.getResponseBody`) on
 * the page's main thread; this client never enables it. The protocol runs over
 * `--remote-debugging-pipe`: fd 3 to the browser, fd 4 from it, JSON messages ended by `\0`.
 */

/** One message on the pipe. */
export function frame(message: object): string {
  return `${JSON.stringify(message)}\0`;
}

/**
 * The complete messages in `pending` + `chunk`, and the bytes left over for the next chunk.
 * Split on bytes, not text: a chunk may end inside a multi-byte character.
 */
export function unframe(pending: Buffer, chunk: Buffer): { messages: unknown[]; rest: Buffer } {
  let buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
  const messages: unknown[] = [];
  for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
    messages.push(JSON.parse(buffer.subarray(0, end).toString('utf8')));
    buffer = buffer.subarray(end + 1);
  }
  return { messages, rest: buffer };
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
}

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

export class BareChromium {
  private nextId = 1;
  private readonly calls = new Map<
    number,
    { resolve: (r: unknown) => void; reject: (e: Error) => void }
  >();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly forget: () => void;
  private stderr = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profileDir: string,
  ) {
    const toBrowser = child.stdio[3] as Writable;
    const fromBrowser = child.stdio[4] as Readable;
    let pending: Buffer = Buffer.alloc(0);
    fromBrowser.on('data', (chunk: Buffer) => {
      const { messages, rest } = unframe(pending, chunk);
      pending = rest;
      for (const m of messages) this.dispatch(m as Message);
    });
    toBrowser.on('error', () => {});
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-2_000);
    });
    child.once('exit', (code, signal) => {
      const error = new Error(`Chromium exited (${code ?? signal}): ${this.stderr.trim()}`);
      for (const call of this.calls.values()) call.reject(error);
      this.calls.clear();
    });
    this.forget = onShutdown(() => this.kill());
  }

  /** The bench's Chromium (the same executable and flags as Playwright's), headless. */
  static launch(): BareChromium {
    const { executablePath, args } = chromiumLaunchOptions();
    const profileDir = mkdtempSync(join(tmpdir(), 'versus-bare-chromium-'));
    const child = spawn(
      executablePath ?? chromium.executablePath(),
      [...args, '--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profileDir}`],
      // The browser's own process group, so that kill() stops its renderers too.
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true },
    );
    return new BareChromium(child, profileDir);
  }

  send<T = Record<string, unknown>>(
    method: string,
    params: object = {},
    sessionId?: string,
  ): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (r: unknown) => void, reject });
      (this.child.stdio[3] as Writable).write(frame({ id, method, params, sessionId }));
    });
  }

  /** Calls `listener` on each event `method`; returns the function that stops it. */
  on(method: string, listener: Listener): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  /** Browser.close, then the process killed if it is still there after `graceMs`. */
  async close(graceMs = 5_000): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    await Promise.race([this.send('Browser.close').catch(() => {}), exited]);
    const timer = setTimeout(() => this.kill(), graceMs);
    await exited;
    clearTimeout(timer);
    this.forget();
    this.kill();
  }

  private kill(): void {
    const { pid } = this.child;
    if (pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    rmSync(this.profileDir, { recursive: true, force: true });
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const call = this.calls.get(message.id);
      this.calls.delete(message.id);
      if (message.error) call?.reject(new Error(message.error.message));
      else call?.resolve(message.result);
      return;
    }
    for (const listener of this.listeners.get(message.method ?? '') ?? [])
      listener(message.params ?? {}, message.sessionId);
  }
}

export interface BarePageOptions {
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  /** Run before the page's own scripts in every document (like Playwright's init scripts). */
  initScripts: readonly string[];
}

/** A page in its own browser context (a fresh profile, like a Playwright context). */
export class BarePage {
  private constructor(
    private readonly browser: BareChromium,
    private readonly sessionId: string,
    private readonly contextId: string,
  ) {}

  static async open(browser: BareChromium, options: BarePageOptions): Promise<BarePage> {
    const { browserContextId } = await browser.send<{ browserContextId: string }>(
      'Target.createBrowserContext',
    );
    const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    });
    const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const page = new BarePage(browser, sessionId, browserContextId);
    await page.send('Page.enable');
    await page.send('Emulation.setDeviceMetricsOverride', {
      ...options.viewport,
      deviceScaleFactor: options.deviceScaleFactor,
      mobile: false,
    });
    for (const source of options.initScripts)
      await page.send('Page.addScriptToEvaluateOnNewDocument', { source });
    return page;
  }

  private send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    return this.browser.send<T>(method, params, this.sessionId);
  }

  /** Navigates and waits for the load event, like Playwright's `page.goto`. */
  async goto(url: string, timeoutMs = 30_000): Promise<void> {
    let stop = () => {};
    const loaded = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${url}: no load event in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const off = this.browser.on('Page.loadEventFired', (_, sessionId) => {
        if (sessionId === this.sessionId) resolve();
      });
      stop = () => {
        clearTimeout(timer);
        off();
      };
    });
    try {
      const { errorText } = await this.send<{ errorText?: string }>('Page.navigate', { url });
      if (errorText) throw new Error(`${url}: ${errorText}`);
      await loaded;
    } finally {
      stop();
    }
  }

  /** The expression's value (promises awaited); throws with the page's exception text. */
  async evaluate<T = unknown>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails)
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  /**
   * A mouse click at the centre of the enabled button whose text starts with `prefix`, as
   * Playwright clicks: scrolled into view, still for two frames, on top at that point, and
   * the click only let through if it lands on the button (the layout may still shift as the
   * page fills in: a press that lands elsewhere is stopped and tried again), until
   * `timeoutMs`.
   */
  async clickButton(prefix: string, timeoutMs = 30_000): Promise<void> {
    const aim = `(async () => {
      const button = [...document.querySelectorAll('button, [role="button"]')].find((el) =>
        (el.textContent ?? '').trim().startsWith(${JSON.stringify(prefix)}) && !el.disabled);
      if (!button) return null;
      button.scrollIntoView({ block: 'center', inline: 'center' });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const before = button.getBoundingClientRect();
      await frame();
      await frame();
      const r = button.getBoundingClientRect();
      if (r.top !== before.top || r.left !== before.left || r.width === 0) return null;
      const at = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      if (!button.contains(document.elementFromPoint(at.x, at.y))) return null;
      const state = { hit: false };
      const types = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
      const guard = (e) => {
        if (button.contains(e.target)) state.hit ||= e.type === 'click';
        else (e.preventDefault(), e.stopImmediatePropagation());
      };
      for (const type of types) window.addEventListener(type, guard, true);
      window.__benchClicked = async () => {
        await frame();
        for (const type of types) window.removeEventListener(type, guard, true);
        return state.hit;
      };
      return at;
    })()`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = await this.evaluate<{ x: number; y: number } | null>(aim);
      if (at) {
        const mouse = { ...at, button: 'left', clickCount: 1 };
        await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at });
        await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...mouse });
        await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...mouse });
        if (await this.evaluate<boolean>('window.__benchClicked()')) return;
      }
      if (Date.now() >= deadline)
        throw new Error(`no click on a button starting "${prefix}" in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Starts V8's sampling profiler (the `Profiler` domain: no `Network` needed). */
  async startProfile(intervalUs: number): Promise<void> {
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.send('Profiler.start');
  }

  /** Stops the profiler; its profile (`Profiler.Profile`). */
  async stopProfile<T>(): Promise<T> {
    return (await this.send<{ profile: T }>('Profiler.stop')).profile;
  }

  async close(): Promise<void> {
    await this.browser.send('Target.disposeBrowserContext', { browserContextId: this.contextId });
  }
}
