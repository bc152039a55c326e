import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { StatusPage } from './not-found';

interface State {
  error: Error | null;
}

/**
 * Last resort for a crash while rendering, or a page chunk that failed to load (e.g. after a
 * deploy replaced it). Navigating elsewhere clears it.
 */
interface Props {
  /** When this changes (the path), a shown error is cleared and the new page renders. */
  resetKey: string;
  children: ReactNode;
}

export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page crashed', error, info.componentStack);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) {
      this.setState({ error: null });
    }
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <StatusPage
        eyebrow="Error"
        title="Something went wrong"
        text="This page hit a problem. Reloading usually fixes it; if not, try again in a few minutes."
        action={<Button onClick={() => window.location.reload()}>Reload the page</Button>}
      />
    );
  }
}
