// The focal point's private page behind the link in their e-mail: the delegation's quota, its
// nominees with the state of each one's registration, a form to nominate, a button to withdraw, the
// delegation's nomination letter.
// Opening it changes nothing; only its forms' POSTs do. In the focal point's language.
import { delegationWordsFor } from '../i18n/delegation-words.ts';
import { fill, messagesFor } from '../i18n/index.ts';
import type { NominationView } from '../model/delegations.ts';
import type { ApiError } from '../model/errors.ts';
import { formatEventDates, type ConferenceEvent } from '../model/event.ts';
import { languages, type Language } from '../model/languages.ts';
import { escapeHtml } from '../platform/html.ts';
import { layout } from './layout.ts';

export interface DelegationPageView {
  language: Language;
  entityName: string;
  quota: { delegates: number; heads: number } | null;
  delegatesTaken: number;
  nominationsCloseAt: string | null;
  open: boolean;
  nominees: NominationView[];
  letter: { size: number; uploadedAt: string } | null;
}

/**
 * The letter part of the page: on the page itself (GET) a plain form posting the PDF straight to the
 * bucket (`upload`), and once the bucket sent the browser back, the upload to attach (`arrived`).
 * Pages answering a form post carry neither: they link to the page's letter part instead.
 */
export interface LetterPart {
  upload?: { url: string; fields: Record<string, string> } | undefined;
  arrived?: string | undefined;
}

function formatMoment(moment: string, event: ConferenceEvent, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: event.timeZone }).format(new Date(moment));
}

function letterSection(view: DelegationPageView, event: ConferenceEvent, token: string, hiddenToken: string, part: LetterPart): string {
  const { language } = view;
  const words = delegationWordsFor(language);
  const current = view.letter ? `<p>${escapeHtml(fill(words.letterCurrent, { date: formatMoment(view.letter.uploadedAt, event, language) }))}</p>` : '';
  if (!view.open) return current ? `<h2 id="letter">${escapeHtml(words.letterHeading)}</h2>${current}` : '';
  const arrived = part.arrived
    ? `<form method="post" action="/delegations/letter">${hiddenToken}<input type="hidden" name="uploadId" value="${escapeHtml(part.arrived)}"><p role="status">${escapeHtml(words.letterArrived)}</p><button class="button" type="submit">${escapeHtml(words.letterAttachButton)}</button></form>`
    : '';
  const upload = part.upload
    ? `<form method="post" action="${escapeHtml(part.upload.url)}" enctype="multipart/form-data">
${Object.entries(part.upload.fields).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('\n')}
<div class="field"><label for="letter-file">${escapeHtml(words.letterFile)}</label><input id="letter-file" name="file" type="file" accept="application/pdf" required></div>
<button class="button" type="submit">${escapeHtml(words.letterUploadButton)}</button>
</form>`
    : `<p><a href="/delegation?token=${escapeHtml(encodeURIComponent(token))}#letter">${escapeHtml(words.letterLink)}</a></p>`;
  return `<h2 id="letter">${escapeHtml(words.letterHeading)}</h2>
<p>${escapeHtml(words.letterIntro)}</p>
${current}
${arrived}
${upload}`;
}

export function delegationPage(view: DelegationPageView, event: ConferenceEvent, token: string, notice?: string, letter: LetterPart = {}): string {
  const { language } = view;
  const words = delegationWordsFor(language);
  const messages = messagesFor(language);
  const hiddenToken = `<input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="lang" value="${language}">`;
  const quota = view.quota
    ? `<p>${escapeHtml(fill(words.quota, { taken: String(view.delegatesTaken), delegates: String(view.quota.delegates), heads: String(view.quota.heads) }))}</p>`
    : '';
  const deadline = !view.open ? `<p>${escapeHtml(words.closed)}</p>` : view.nominationsCloseAt ? `<p>${escapeHtml(fill(words.deadline, { deadline: formatMoment(view.nominationsCloseAt, event, language) }))}</p>` : '';
  const rows = view.nominees
    .map((nominee) => {
      const registration = nominee.registrationStatus ? messages.statuses[nominee.registrationStatus] : words.notRegistered;
      const withdraw =
        view.open && nominee.status !== 'withdrawn'
          ? `<form method="post" action="/delegations/withdraw">${hiddenToken}<input type="hidden" name="nominationId" value="${escapeHtml(nominee.nominationId)}"><button class="button button-warning" type="submit">${escapeHtml(words.withdrawButton)}</button></form>`
          : '';
      return `<tr><td>${escapeHtml(nominee.name)}</td><td>${escapeHtml(nominee.email)}</td><td>${escapeHtml(nominee.function)}</td><td>${escapeHtml(words.roles[nominee.role])}</td><td>${escapeHtml(words.statuses[nominee.status])}</td><td>${escapeHtml(registration)}</td><td>${withdraw}</td></tr>`;
    })
    .join('');
  const table = view.nominees.length
    ? `<table class="nominees"><thead><tr><th scope="col">${escapeHtml(words.name)}</th><th scope="col">${escapeHtml(words.email)}</th><th scope="col">${escapeHtml(words.function)}</th><th scope="col">${escapeHtml(words.role)}</th><th scope="col">${escapeHtml(words.status)}</th><th scope="col">${escapeHtml(words.registration)}</th><th scope="col">${escapeHtml(words.withdrawButton)}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${escapeHtml(words.none)}</p>`;
  const field = (name: string, label: string, type = 'text', autocomplete = 'off') =>
    `<div class="field"><label for="${name}">${escapeHtml(label)}</label><input id="${name}" name="${name}" type="${type}" required autocomplete="${autocomplete}"></div>`;
  const form = view.open
    ? `<h2>${escapeHtml(words.nominate)}</h2>
<form method="post" action="/delegations/nominate">
${hiddenToken}
${field('name', words.name)}
${field('email', words.email, 'email')}
${field('function', words.function)}
<div class="field"><label for="role">${escapeHtml(words.role)}</label><select id="role" name="role"><option value="member">${escapeHtml(words.roles.member)}</option><option value="head">${escapeHtml(words.roles.head)}</option></select></div>
<div class="field"><label for="language">${escapeHtml(words.language)}</label><select id="language" name="language">${languages.map((code) => `<option value="${code}"${code === language ? ' selected' : ''}>${escapeHtml(messagesFor(code).languageName)}</option>`).join('')}</select></div>
<button class="button" type="submit">${escapeHtml(words.nominateButton)}</button>
</form>`
    : '';
  const content = `${notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''}
<p>${escapeHtml(fill(words.pageIntro, { event: `${event.title} (${formatEventDates(event, language)})` }))}</p>
${quota}
${deadline}
<h2>${escapeHtml(words.nominees)}</h2>
${table}
${form}
${letterSection(view, event, token, hiddenToken, letter)}`;
  return layout(language, fill(words.pageTitle, { entity: view.entityName }), content);
}

/** A refused form post of the delegation page: what went wrong, and the way back. */
export function delegationProblemPage(language: Language, error: ApiError, token: string | undefined): string {
  const words = delegationWordsFor(language);
  const back = token ? `<p><a href="/delegation?token=${escapeHtml(encodeURIComponent(token))}">${escapeHtml(words.back)}</a></p>` : '';
  return layout(language, words.problemTitle, `<p class="error-list">${escapeHtml(error.message)}</p>${back}`);
}
