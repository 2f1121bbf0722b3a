// The console's HTML shell: the script and style are fingerprinted files; the content is the script's.
import { escapeHtml } from '#shared/platform/html.ts';

export function renderConsolePage(assets: { scriptPath: string; stylePath: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Organizer console</title>
<link rel="stylesheet" href="${escapeHtml(assets.stylePath)}">
<script type="module" src="${escapeHtml(assets.scriptPath)}"></script>
</head>
<body>
<header>OSCE · Organizer console</header>
<main id="main-content">
<p>Signing in…</p>
</main>
</body>
</html>
`;
}
