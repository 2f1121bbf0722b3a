// The console's building blocks: page titles that take the focus, the problem notice and the error
// summary (GOV.UK patterns), labelled fields with their hints and errors, the modal dialog, and the
// guard that keeps an action from running twice.
import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, type ApiIssue } from './api.ts';
import { messages as m, say } from './messages.ts';

/** Sets the document's title while the page is shown. */
export function useTitle(title: string, error = false): void {
  useEffect(() => {
    document.title = `${error ? 'Error: ' : ''}${title}${m.app.titleSuffix}`;
  }, [title, error]);
}

/** The page's h1: the focus lands here after every navigation (see App). */
export function PageTitle({ children, caption }: { children: ComponentChildren; caption?: ComponentChildren }) {
  return (
    <div class="page-title">
      {caption ? <p class="caption">{caption}</p> : null}
      <h1 tabIndex={-1}>{children}</h1>
    </div>
  );
}

/**
 * Runs an action at most once at a time: a second click while the first is in flight does nothing
 * (the flag is set before the browser can deliver another click, unlike the disabled attribute,
 * which applies only after the next render).
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>): [run: (...args: A) => Promise<void>, busy: boolean] {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const latest = useRef(action);
  latest.current = action;
  const run = useCallback(async (...args: A) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await latest.current(...args);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return [run, busy];
}

/** Loads data for a page; `reload` fetches again, keeping what is shown until the answer comes. */
export function useLoad<T>(load: () => Promise<T>, keys: unknown[]): { data: T | undefined; problem: ApiProblem | undefined; reload: () => Promise<void>; loading: boolean } {
  const [state, setState] = useState<{ data?: T; problem?: ApiProblem; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await load();
      if (mine === generation.current) setState({ data, loading: false });
    } catch (error) {
      if (mine === generation.current) setState((previous) => ({ data: previous.data, problem: asProblem(error), loading: false }));
    }
  }, keys);
  useEffect(() => {
    setState({ loading: true });
    void reload();
  }, keys);
  return { data: state.data, problem: state.problem, reload, loading: state.loading };
}

export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem(0, 'unexpected', error instanceof Error ? error.message : String(error));
}

const problemWords: Record<string, string> = {
  network: m.problems.network,
  service_unavailable: m.problems.unavailable,
  too_many_requests: m.problems.tooMany,
  forbidden: m.problems.forbidden,
  event_not_found: m.problems.eventNotFound,
  not_found: m.problems.notFound,
  precondition_failed: m.problems.conflict,
  invalid_transition: m.problems.invalidTransition,
  validation_failed: m.problems.validation,
};

/** The words for a refusal of the API, by its code. */
export function problemText(problem: ApiProblem): string {
  return problemWords[problem.code] ?? say(m.problems.unexpected, { code: problem.code });
}

/** Whether someone else acted first: the registration changed (412) or its state moved on (409). */
export function isConflict(problem: ApiProblem): boolean {
  return problem.code === 'precondition_failed' || problem.code === 'invalid_transition';
}

/** A refusal in words, announced at once (role=alert), with a retry when there is one. */
export function ProblemNotice({ problem, onRetry, id }: { problem: ApiProblem; onRetry?: () => void; id?: string }) {
  return (
    <div class="notice notice-problem" role="alert" id={id}>
      <p>{problemText(problem)}</p>
      {onRetry ? (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {m.problems.retry}
        </button>
      ) : null}
    </div>
  );
}

/** A polite announcement of what just happened (saved, approved, exported). */
export function StatusMessage({ text }: { text: string }) {
  return (
    <p class={text ? 'notice notice-done' : 'visually-hidden'} role="status">
      {text}
    </p>
  );
}

export interface FieldIssue {
  /** The id of the field the summary links to. */
  field: string;
  label: string;
  message: string;
}

/** Maps the API's issues to the form's fields by path; issues of unknown paths stay in the summary. */
export function issuesByField(issues: ApiIssue[], fieldIdOf: (path: string) => string | undefined, labelOf: (field: string) => string): FieldIssue[] {
  return issues.map((issue) => {
    const field = fieldIdOf(issue.path) ?? '';
    return { field, label: field ? labelOf(field) : issue.path, message: issue.message };
  });
}

/** The GOV.UK error summary: takes the focus when shown, each entry a link to its field. */
export function ErrorSummary({ issues, problem }: { issues: FieldIssue[]; problem?: ApiProblem }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.focus();
  }, [issues, problem]);
  if (issues.length === 0 && !problem) return null;
  return (
    <div class="error-summary" ref={box} tabIndex={-1} aria-labelledby="error-summary-title" role="alert">
      <h2 id="error-summary-title">{m.problems.title}</h2>
      {problem && issues.length === 0 ? <p>{problemText(problem)}</p> : null}
      <ul>
        {issues.map((issue, index) => (
          <li key={index}>
            {issue.field ? (
              <a
                href={`#${issue.field}`}
                onClick={(event) => {
                  // The page's router owns the hash; move the focus instead of navigating.
                  event.preventDefault();
                  document.getElementById(issue.field)?.focus();
                }}
              >
                {issue.label}: {issue.message}
              </a>
            ) : (
              <span>
                {issue.label}: {issue.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldFrame {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}

function describedBy(frame: FieldFrame): string | undefined {
  const ids = [frame.hint ? `${frame.id}-hint` : '', frame.error ? `${frame.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldLabel({ frame }: { frame: FieldFrame }) {
  return (
    <>
      <label class="label" for={frame.id}>
        {frame.label}
        {frame.optional ? <span class="optional"> {m.eventForm.optional}</span> : null}
      </label>
      {frame.hint ? (
        <p class="hint" id={`${frame.id}-hint`}>
          {frame.hint}
        </p>
      ) : null}
      {frame.error ? (
        <p class="error-message" id={`${frame.id}-error`}>
          <span class="visually-hidden">Error: </span>
          {frame.error}
        </p>
      ) : null}
    </>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'label' | 'value' | 'onInput'>;

export function TextField(props: FieldFrame & { value: string; onInput: (value: string) => void; type?: string; inputProps?: InputProps }) {
  return (
    <div class={`form-group${props.error ? ' form-group-error' : ''}`}>
      <FieldLabel frame={props} />
      <input
        class="input"
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
        {...props.inputProps}
      />
    </div>
  );
}

export function TextArea(props: FieldFrame & { value: string; onInput: (value: string) => void }) {
  return (
    <div class={`form-group${props.error ? ' form-group-error' : ''}`}>
      <FieldLabel frame={props} />
      <textarea
        class="textarea"
        id={props.id}
        name={props.id}
        rows={3}
        value={props.value}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        onInput={(event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}

export function SelectField(props: FieldFrame & { value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  return (
    <div class={`form-group${props.error ? ' form-group-error' : ''}`}>
      <FieldLabel frame={props} />
      <select
        class="select"
        id={props.id}
        name={props.id}
        value={props.value}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Checkboxes or radios in a fieldset; the first one carries the id the error summary links to. */
export function ChoiceGroup(props: FieldFrame & { type: 'checkbox' | 'radio'; options: { value: string; label: string }[]; selected: string[]; onChange: (selected: string[]) => void }) {
  return (
    <div class={`form-group${props.error ? ' form-group-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(props)}>
        <legend class="legend">{props.label}</legend>
        {props.hint ? (
          <p class="hint" id={`${props.id}-hint`}>
            {props.hint}
          </p>
        ) : null}
        {props.error ? (
          <p class="error-message" id={`${props.id}-error`}>
            <span class="visually-hidden">Error: </span>
            {props.error}
          </p>
        ) : null}
        {props.options.map((option, index) => {
          const id = index === 0 ? props.id : `${props.id}-${option.value}`;
          const checked = props.selected.includes(option.value);
          return (
            <div class="choice" key={option.value}>
              <input
                type={props.type}
                id={id}
                name={props.id}
                value={option.value}
                checked={checked}
                onChange={(event) => {
                  const on = (event.currentTarget as HTMLInputElement).checked;
                  if (props.type === 'radio') props.onChange([option.value]);
                  else props.onChange(on ? [...props.selected, option.value] : props.selected.filter((value) => value !== option.value));
                }}
              />
              <label for={id}>{option.label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/**
 * A modal dialog (the native <dialog>: the page behind is inert, Escape closes it, the focus moves
 * in). On closing, the focus goes back to the element that opened it, or where focusAfterClose says.
 */
export function Dialog({
  title,
  open,
  onClose,
  focusAfterClose,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  /** Where the focus goes on closing instead of the opener (e.g. the result of what the dialog did). */
  focusAfterClose?: () => HTMLElement | null | undefined;
  children: ComponentChildren;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const closed = () => {
      onClose();
      const instead = focusAfterClose?.();
      if (instead) {
        instead.focus();
        return;
      }
      const back = opener.current;
      if (back instanceof HTMLElement && back.isConnected && !back.hasAttribute('disabled')) back.focus();
      else document.querySelector<HTMLElement>('main h1')?.focus();
    };
    element.addEventListener('close', closed);
    return () => element.removeEventListener('close', closed);
  }, [onClose, focusAfterClose]);
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="dialog-title">
      {open ? (
        <>
          <h2 id="dialog-title">{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

/** A status as a coloured tag with its name. */
export function StatusTag({ status }: { status: keyof typeof m.statuses }) {
  return <span class={`tag tag-${status}`}>{m.statuses[status]}</span>;
}

/** A wide table that scrolls sideways on a narrow screen, reachable and named for keyboard users. */
export function TableFrame({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-frame" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

let pendingFlash = '';

/** A message for the next page to show, e.g. "created" after a form that navigates on success. */
export function setFlash(text: string): void {
  pendingFlash = text;
}

/** The message the previous page left, shown once. */
export function useFlash(): string {
  const [text] = useState(() => {
    const left = pendingFlash;
    pendingFlash = '';
    return left;
  });
  return text;
}
