// The frame of every server-rendered page (the confirm and manage pages behind the links in e-mails):
// plain HTML and inline CSS, no script, so they work in any mail client's browser and pass a strict CSP.
import { escapeHtml } from '../platform/html.ts';
import type { Language } from '../model/languages.ts';

export const pageStyles = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:"Helvetica Neue",Arial,sans-serif;font-size:19px;line-height:1.5;color:#0b0c0c;background:#f3f2f1}
header{background:#00528a;color:#fff;padding:12px 20px;font-weight:700}
main{max-width:40em;margin:0 auto;padding:30px 20px;background:#fff;min-height:60vh}
h1{font-size:32px;line-height:1.2;margin:0 0 20px}
.button{display:inline-block;font:inherit;font-weight:700;color:#fff;background:#00703c;border:0;border-bottom:2px solid #002d18;padding:10px 16px;cursor:pointer;text-decoration:none}
.button:hover{background:#005a30}
.button:focus,a:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 4px #0b0c0c}
.panel{background:#00703c;color:#fff;padding:20px;margin:0 0 20px;text-align:center}
.panel strong{display:block;font-size:28px;letter-spacing:.05em}
.note{color:#505a5f;font-size:16px}
a{color:#1d70b8}
h2{font-size:24px;margin:40px 0 15px}
.summary{display:grid;grid-template-columns:minmax(8em,1fr) 2fr;gap:0;margin:0 0 20px;border-top:1px solid #b1b4b6}
.summary dt,.summary dd{margin:0;padding:10px 10px 10px 0;border-bottom:1px solid #b1b4b6}
.summary dt{font-weight:700}
.field{margin:0 0 20px}
.field label{display:block;font-weight:700;margin:0 0 5px}
.field input,.field textarea,.field select{font:inherit;width:100%;max-width:30em;padding:5px;border:2px solid #0b0c0c;border-radius:0;background:#fff}
.field input:focus,.field textarea:focus,.field select:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.button-secondary{color:#0b0c0c;background:#f3f2f1;border-bottom-color:#929191}
.button-secondary:hover{background:#dbdad9}
.button-warning{background:#d4351c;border-bottom-color:#55150b}
.button-warning:hover{background:#aa2a16}
.notice,.panel-info{border-left:5px solid #1d70b8;background:#f3f2f1;padding:15px;margin:0 0 20px}
.error-list{color:#d4351c;font-weight:700}
`;

export function layout(language: Language, title: string, content: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${pageStyles}</style>
</head>
<body>
<header>OSCE</header>
<main id="main-content">
<h1>${escapeHtml(title)}</h1>
${content}
</main>
</body>
</html>`;
}
