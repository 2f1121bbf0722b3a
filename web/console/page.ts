// The organizer console's HTML (/organizer/index.html): a shell the console's script renders into.
// No inline script or style: the page runs under the console's Content-Security-Policy (web/console/config.ts).
import { escapeHtml } from '#shared/platform/html.ts';
import { messages } from './messages.ts';

export function renderConsolePage(options: { scriptPath: string; stylePath: string }): string {
  const name = escapeHtml(messages.app.name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${name}</title>
<link rel="stylesheet" href="${escapeHtml(options.stylePath)}">
<script type="module" src="${escapeHtml(options.scriptPath)}"></script>
</head>
<body>
<div id="console">
<main id="main">
<h1>${name}</h1>
<p>${escapeHtml(messages.app.loading)}</p>
<noscript><p>The organizer console needs JavaScript.</p></noscript>
</main>
</div>
</body>
</html>
`;
}
