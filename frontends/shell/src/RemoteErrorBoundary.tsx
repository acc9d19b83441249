import { Component, useEffect, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UiStyles } from '@dangvien/ui';

interface Props {
  label: string;
  /** How many times loading was retried already: the automatic retry waits longer each time. */
  attempt: number;
  onRetry: () => void;
  children: ReactNode;
}

/** Contains a remote's failure (load or render) to its own area; header and navigation keep working. */
export class RemoteErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`Remote module "${this.props.label}" failed`, error, info.componentStack);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return <RemoteFailed label={this.props.label} attempt={this.props.attempt} onRetry={this.props.onRetry} />;
  }
}

/**
 * 5 s, 10 s, 20 s, then every 30 s: soon enough that a module whose server restarts comes back while
 * the clerk looks at the message, rare enough that a module down for long costs nothing.
 */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(30, 5 * 2 ** attempt);
}

function RemoteFailed({ label, attempt, onRetry }: { label: string; attempt: number; onRetry: () => void }) {
  const { t } = useTranslation('shell');
  const seconds = retryDelaySeconds(attempt);
  useEffect(() => {
    const timer = setTimeout(onRetry, seconds * 1000);
    return () => clearTimeout(timer);
  }, [onRetry, seconds]);
  return (
    <div className="dv-error" role="alert" data-testid="remote-error">
      <UiStyles />
      <h2 className="dv-error__title">{t('remoteFailed', { label })}</h2>
      <p className="dv-error__text">{t('remoteFailedHint')}</p>
      <p className="dv-error__text" data-testid="remote-retrying">{t('remoteRetrying', { seconds })}</p>
      <button type="button" className="dv-button" onClick={onRetry}>
        {t('common.retry', { ns: 'translation' })}
      </button>
    </div>
  );
}
