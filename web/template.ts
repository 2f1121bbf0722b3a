// The registration page's HTML, written at build time in English (the language switch in the page
// script rewrites every element marked data-t). GOV.UK Design System form patterns: visible labels,
// hints and errors tied to fields with aria-describedby, fieldsets with legends for grouped choices.
import { escapeHtml } from '#shared/platform/html.ts';
import { formEn } from '#shared/i18n/en.ts';
import { fill } from '#shared/i18n/messages.ts';
import { officialLanguages } from '#shared/model/osce.ts';
import { lookup } from './text.ts';
import { categories, titles } from '#shared/model/participants.ts';

export interface PageOptions {
  scriptPath: string;
  stylePath: string;
  defaultEventId: string;
  examples: { arrival: string; departure: string };
}

export function renderPage(options: PageOptions): string {
  const { examples } = options;
  /** Text of `key` in English, marked for the language switch. */
  const t = (key: string, vars: Record<string, string> = {}) =>
    ` data-t="${key}">${escapeHtml(fill(lookup(formEn, key), vars))}`;
  const optional = `<span class="optional"${t('page.optional')}</span>`;
  /** "(optional)" on a standard field the event's form may ask of some categories (app.ts hides it then). */
  const optionalFor = (id: string) => `<span class="optional" data-optional-for="${id}"${t('page.optional')}</span>`;
  const hint = (id: string, key: string, vars: Record<string, string> = {}) => `<div class="hint" id="${id}-hint"${t(key, vars)}</div>`;
  const error = (id: string) => `<p class="error-message" id="${id}-error" hidden></p>`;

  const textField = (
    id: string,
    attributes: string,
    { required = true, withHint = true, tag = 'input' }: { required?: boolean; withHint?: boolean; tag?: 'input' | 'textarea' } = {},
  ) => {
    const describedBy = withHint ? `${id}-hint` : '';
    const control =
      tag === 'input'
        ? `<input class="input" id="${id}" name="${id}" ${attributes}${describedBy ? ` aria-describedby="${describedBy}" data-describedby="${describedBy}"` : ''}>`
        : `<textarea class="textarea" id="${id}" name="${id}" rows="3" ${attributes}${describedBy ? ` aria-describedby="${describedBy}" data-describedby="${describedBy}"` : ''}></textarea>`;
    return `<div class="form-group" id="${id}-group">
<label class="label" for="${id}"><span${t(`fields.${id}.label`)}</span>${required ? '' : ` ${optionalFor(id)}`}</label>
${withHint ? hint(id, `fields.${id}.hint`) : ''}
${error(id)}
${control}
</div>`;
  };

  const dateField = (id: 'arrivalDate' | 'departureDate', example: string) => {
    const part = (name: 'day' | 'month' | 'year', width: string) =>
      `<div class="date-item"><label class="label" for="${id}-${name}"${t(`page.${name}`)}</label>` +
      `<input class="input ${width}" id="${id}-${name}" name="${id}-${name}" type="text" inputmode="numeric" autocomplete="off"></div>`;
    return `<div class="form-group" id="${id}-group">
<fieldset class="fieldset" role="group" id="${id}-fieldset" aria-describedby="${id}-hint" data-describedby="${id}-hint">
<legend class="legend-s"><span${t(`fields.${id}.legend`)}</span> ${optionalFor(id)}</legend>
${hint(id, `fields.${id}.hint`, { example })}
${error(id)}
<div class="date-input">${part('day', 'width-2')}${part('month', 'width-2')}${part('year', 'width-4')}</div>
</fieldset>
</div>`;
  };

  const languageLinks = officialLanguages
    .map(
      ({ code, name }) =>
        `<li><a href="?lang=${code}" hreflang="${code}" lang="${code}" data-language="${code}"${code === 'en' ? ' aria-current="true"' : ''}>${escapeHtml(name)}</a></li>`,
    )
    .join('');

  const titleOptions = titles
    .map((title) => `<option value="${escapeHtml(title)}"${t(`fields.title.options.${title}`)}</option>`)
    .join('');

  const categoryRadios = categories
    .map(
      (category) =>
        `<div class="radio" data-category="${category}"><input type="radio" id="category-${category}" name="category" value="${category}">` +
        `<label for="category-${category}"${t(`fields.category.options.${category}`)}</label></div>`,
    )
    .join('\n');

  const checkbox = (id: string, required: boolean) =>
    `<div class="checkbox"><input type="checkbox" id="${id}" name="${id}" value="yes"${required ? ' aria-describedby="consents-text" data-describedby="consents-text"' : ''}>` +
    `<label for="${id}"><span${t(`fields.consents.${id}`)}</span>${required ? '' : ` ${optional}`}</label></div>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="default-event" content="${escapeHtml(options.defaultEventId)}">
<meta name="example-dates" content="${escapeHtml(`${examples.arrival}|${examples.departure}`)}">
<title>${escapeHtml(formEn.page.heading)}</title>
<link rel="stylesheet" href="${options.stylePath}">
<script type="module" src="${options.scriptPath}"></script>
</head>
<body>
<a href="#main-content" class="skip-link"${t('page.skipLink')}</a>
<header><span class="brand">OSCE</span>
<nav class="languages" aria-label="${escapeHtml(formEn.page.languageNav)}" data-t-aria-label="page.languageNav"><ul>${languageLinks}</ul></nav>
</header>
<main id="main-content" tabindex="-1">
<div id="view-form">
<div class="problem" id="problem" role="alert" tabindex="-1" hidden><h2 id="problem-title"></h2><p id="problem-body"></p></div>
<div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" hidden>
<h2 id="error-summary-title"${t('errors.summaryTitle')}</h2>
<ul id="error-list"></ul>
</div>
<p class="caption" id="event-title"${t('page.loading')}</p>
<h1${t('page.heading')}</h1>
<dl class="facts" id="event-facts" hidden>
<dt${t('page.dates')}</dt><dd id="event-dates"></dd>
<dt${t('page.venue')}</dt><dd id="event-venue"></dd>
<dt id="event-organizer-term"${t('page.organizer')}</dt><dd id="event-organizer"></dd>
</dl>
<noscript><p class="problem"${t('page.noscript')}</p></noscript>
<form id="registration" novalidate>
<p class="lead"${t('page.intro')}</p>

<div id="form-sections">
<section class="form-section" id="section-about">
<h2${t('sections.about')}</h2>
<div class="form-group" id="title-group">
<label class="label" for="title"><span${t('fields.title.label')}</span> ${optionalFor('title')}</label>
${error('title')}
<select class="select" id="title" name="title" autocomplete="honorific-prefix"><option value=""${t('fields.title.none')}</option>${titleOptions}</select>
</div>
${textField('firstName', 'type="text" autocomplete="given-name" spellcheck="false"')}
${textField('lastName', 'type="text" autocomplete="family-name" spellcheck="false"')}
${textField('email', 'type="email" autocomplete="email" spellcheck="false"')}
${textField('phone', 'type="tel" autocomplete="tel"', { required: false })}
</section>

<section class="form-section" id="section-represent">
<h2${t('sections.represent')}</h2>
<div class="form-group" id="category-group">
<fieldset class="fieldset" id="category-fieldset">
<legend class="legend-s"${t('fields.category.legend')}</legend>
${error('category')}
<div class="radios">
${categoryRadios}
</div>
</fieldset>
</div>
<div class="form-group" id="country-group" hidden>
<label class="label" for="country" id="country-label"${t('fields.country.stateLabel')}</label>
${error('country')}
<select class="select" id="country" name="country"></select>
</div>
${textField('organization', 'type="text" autocomplete="organization"')}
${textField('position', 'type="text" autocomplete="organization-title"', { required: false })}
</section>

<section class="form-section" id="section-travel">
<h2${t('sections.travel')}</h2>
${dateField('arrivalDate', examples.arrival)}
${dateField('departureDate', examples.departure)}
</section>

<section class="form-section" id="section-needs">
<h2${t('sections.needs')}</h2>
${textField('dietaryRequirements', '', { required: false, tag: 'textarea' })}
${textField('accessibilityNeeds', '', { required: false, tag: 'textarea' })}

<div class="form-group" id="consents-group">
<fieldset class="fieldset">
<legend class="legend-m"${t('fields.consents.legend')}</legend>
<p class="hint" id="consents-text"${t('fields.consents.privacyText')}</p>
${error('privacyNotice')}
<div class="checkboxes">
${checkbox('privacyNotice', true)}
${checkbox('participantList', false)}
${checkbox('photography', false)}
</div>
</fieldset>
</div>
</section>
</div>

<div class="hp" aria-hidden="true"><label for="website"${t('fields.website.label')}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>

<button type="submit" class="button" id="submit"${t('page.submit')}</button>
<p class="note" id="status" role="status"></p>
</form>
</div>
<div id="view-done" hidden>
<div class="panel"><h1 id="done-title" tabindex="-1"${t('outcome.checkEmailTitle')}</h1></div>
<p id="done-sent"></p>
<p${t('outcome.checkEmailAction')}</p>
<p><strong${t('outcome.checkEmailNotComplete')}</strong></p>
<p class="note"${t('outcome.checkEmailMissing')}</p>
<p><a href="" id="register-another"${t('outcome.registerAnother')}</a></p>
</div>
</main>
</body>
</html>
`;
}
