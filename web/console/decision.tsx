// The dialog that approves or rejects one registration or many, with the reason the participant reads.
// A rejection needs a reason; an approval may have one. The confirm button runs once however often it
// is pressed.
import { useState } from 'preact/hooks';
import type { Decision } from './api.ts';
import { messages as m } from './messages.ts';
import { Dialog, TextArea, useAction } from './ui.tsx';

export interface DecisionRequest {
  decision: Decision;
  title: string;
}

export function DecisionDialog({
  request,
  onCancel,
  onConfirm,
  focusAfterClose,
}: {
  request: DecisionRequest | undefined;
  onCancel: () => void;
  /** Resolves when the decision is done (or has failed and said so): the dialog then closes. */
  onConfirm: (decision: Decision, reason: string | undefined) => Promise<void>;
  focusAfterClose?: () => HTMLElement | null | undefined;
}) {
  return (
    <Dialog title={request?.title ?? ''} open={request !== undefined} onClose={onCancel} focusAfterClose={focusAfterClose}>
      {request ? <DecisionForm request={request} onCancel={onCancel} onConfirm={onConfirm} /> : null}
    </Dialog>
  );
}

function DecisionForm({ request, onCancel, onConfirm }: { request: DecisionRequest; onCancel: () => void; onConfirm: (decision: Decision, reason: string | undefined) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const rejecting = request.decision === 'reject';
  const [confirm, busy] = useAction(async () => {
    const text = reason.trim();
    if (rejecting && !text) {
      setError(m.decision.reasonRequired);
      document.getElementById('decision-reason')?.focus();
      return;
    }
    await onConfirm(request.decision, text || undefined);
  });
  return (
    <form
      method="dialog"
      class="dialog-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <TextArea
        id="decision-reason"
        label={rejecting ? m.decision.reason : m.decision.reasonOptional}
        hint={m.decision.reasonHint}
        error={error}
        value={reason}
        onInput={setReason}
      />
      <div class="button-row">
        <button type="submit" class={rejecting ? 'button button-warning' : 'button'} disabled={busy}>
          {busy ? m.decision.working : rejecting ? m.decision.reject : m.decision.approve}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel} disabled={busy}>
          {m.decision.cancel}
        </button>
      </div>
    </form>
  );
}
