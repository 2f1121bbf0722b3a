// The console's entry (bundled by web/build.ts into /assets/console.<hash>.js): reads the sign-in
// settings, starts the session, and renders the console. Nothing outside the bundle imports .tsx.
import { render } from 'preact';
import { ConsoleApi } from './api.ts';
import { App } from './app.tsx';
import { startSession, type AuthConfig, type Session } from './auth.ts';
import { messages as m, say } from './messages.ts';

const configPath = '/organizer/config.json';

async function loadConfig(): Promise<AuthConfig> {
  const response = await fetch(configPath, { cache: 'no-store' }).catch(() => undefined);
  if (!response?.ok) throw new Error(m.app.configMissing);
  return (await response.json()) as AuthConfig;
}

function StartFailed({ reason }: { reason: string }) {
  return (
    <main id="main">
      <h1 tabIndex={-1}>{m.app.startFailedTitle}</h1>
      <p role="alert">{say(m.app.startFailedBody, { reason })}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {m.app.tryAgain}
      </button>
    </main>
  );
}

async function start(root: HTMLElement): Promise<void> {
  let session: Session;
  try {
    session = await startSession(await loadConfig());
  } catch (error) {
    document.title = `${m.app.startFailedTitle}${m.app.titleSuffix}`;
    render(<StartFailed reason={error instanceof Error ? error.message : String(error)} />, root);
    return;
  }
  render(<App session={session} api={new ConsoleApi(session)} />, root);
}

void start(document.getElementById('console')!);
