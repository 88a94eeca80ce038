import {
  Component,
  type ComponentType,
  type ErrorInfo,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
} from 'react';

/**
 * A panel that fails to render (its code did not load — the network dropped before a lazy
 * chunk arrived — or it threw) says so in its own place, with a way to try again, while the
 * rest of the page stays: without a boundary React unmounts the whole page.
 */

/** A lazily loaded component whose failed load can be asked again (`retry`). */
export interface RetryableLazy<P extends object> {
  (props: P): ReactNode;
  retry(): void;
}

export function retryableLazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
): RetryableLazy<P> {
  // React keeps a lazy component's failed load for good: a retry needs a new one.
  const make = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(async () => ({ default: await load() }));
  let Current = make();
  // biome-ignore lint/correctness/noComponentHookFactories: a factory like React's own `lazy`, called once per panel at module level, never during a render.
  const Panel = (props: P) => <Current {...props} />;
  Panel.retry = () => {
    Current = make();
  };
  return Panel;
}

/** The words for a failure: a chunk that did not arrive reads as what it is. */
export function panelFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Chromium, Firefox and Safari word a failed dynamic import differently.
  if (
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
      message,
    )
  ) {
    return 'its code could not be loaded (is the network down?)';
  }
  const short = message.length > 200 ? `${message.slice(0, 199)}…` : message;
  return short ? `it failed (${short})` : 'it failed';
}

interface PanelBoundaryProps {
  /** What the panel is, for the message: "the charts", "the statistics". */
  name: string;
  /** Called before the panel renders again (e.g. the RetryableLazy's `retry`). */
  onRetry?: () => void;
  children: ReactNode;
}

export class PanelBoundary extends Component<PanelBoundaryProps, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown error') };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for whoever opens the console; the page says it in words.
    console.error(`Versus: ${this.props.name} failed`, error, info.componentStack);
  }

  private retry = () => {
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const name = this.props.name;
    return (
      <div role="alert" className="notice notice--error panel-error">
        <p>
          <strong>{name.charAt(0).toUpperCase() + name.slice(1)} could not be shown:</strong>{' '}
          {panelFailure(error)}. The rest of the page still works.
        </p>
        <button type="button" className="button" onClick={this.retry}>
          Try again
        </button>
      </div>
    );
  }
}
