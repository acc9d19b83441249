import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UiStyles } from '@dangvien/ui';

interface Props {
  label: string;
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
    return <RemoteFailed label={this.props.label} onRetry={this.props.onRetry} />;
  }
}

function RemoteFailed({ label, onRetry }: { label: string; onRetry: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <div className="dv-error" role="alert" data-testid="remote-error">
      <UiStyles />
      <h2 className="dv-error__title">{t('remoteFailed', { label })}</h2>
      <p className="dv-error__text">{t('remoteFailedHint')}</p>
      <button type="button" className="dv-button" onClick={onRetry}>
        {t('common.retry', { ns: 'translation' })}
      </button>
    </div>
  );
}
