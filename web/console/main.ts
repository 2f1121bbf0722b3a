// The organizer console's entry point. For now a placeholder that proves sign-in end to end: who is
// signed in, their groups, and signing out. The console itself replaces the content, not the sign-in.
import { startSession, type AuthConfig } from './auth.ts';
import { consoleConfigPath } from './config.ts';

const main = document.getElementById('main-content')!;

async function run(): Promise<void> {
  const config = (await (await fetch(consoleConfigPath)).json()) as AuthConfig;
  const session = await startSession(config);
  const { user } = session;

  const heading = document.createElement('h1');
  heading.textContent = 'Organizer console';
  const who = document.createElement('p');
  who.textContent = `Signed in as ${user.email ?? user.username}`;
  const groups = document.createElement('p');
  groups.textContent = `Groups: ${user.groups.length > 0 ? user.groups.join(', ') : 'none'}`;
  const signOut = document.createElement('button');
  signOut.type = 'button';
  signOut.className = 'button button-secondary';
  signOut.textContent = 'Sign out';
  signOut.addEventListener('click', () => {
    signOut.disabled = true;
    void session.signOut();
  });
  main.replaceChildren(heading, who, groups, signOut);
  document.body.dataset.state = 'signed-in';
}

run().catch((error: unknown) => {
  const problem = document.createElement('p');
  problem.setAttribute('role', 'alert');
  problem.textContent = `Sign-in failed: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
  main.replaceChildren(problem);
  document.body.dataset.state = 'failed';
});
