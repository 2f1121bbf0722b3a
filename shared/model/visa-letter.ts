// A visa support letter for a participant whose place is confirmed, as a PDF: the event's letterhead
// and signatory, the participant's name, function and organization, the event's dates and venue. In
// the participant's language where a template exists (English, French, Russian), in English otherwise.
import { formatEventDates, formatVenue, type ConferenceEvent } from './event.ts';
import type { Language } from './languages.ts';
import type { PdfFonts } from './participant-pdf.ts';
import type { Registration } from './registration.ts';

interface LetterTemplate {
  subject: string;
  salutation: string;
  body: string; // {name} {function} {event} {venue} {dates}
  request: string;
  closing: string;
}

const templates: Partial<Record<Language, LetterTemplate>> = {
  en: {
    subject: 'Visa support letter',
    salutation: 'To whom it may concern,',
    body: 'This is to confirm that {name}{function} is registered to participate in the {event}, to be held at {venue} on {dates}.',
    request: 'The competent authorities are kindly requested to facilitate the issuance of the necessary visa. The organizers do not cover travel or subsistence costs unless stated otherwise.',
    closing: 'Yours faithfully,',
  },
  fr: {
    subject: 'Lettre d’appui à une demande de visa',
    salutation: 'Madame, Monsieur,',
    body: 'Nous confirmons que {name}{function} est inscrit(e) pour participer à la {event}, qui se tiendra à {venue} le {dates}.',
    request: 'Les autorités compétentes sont priées de bien vouloir faciliter la délivrance du visa nécessaire. Sauf mention contraire, les organisateurs ne prennent pas en charge les frais de voyage et de séjour.',
    closing: 'Veuillez agréer, Madame, Monsieur, l’expression de notre haute considération.',
  },
  ru: {
    subject: 'Письмо в поддержку визового запроса',
    salutation: 'Для предъявления по месту требования.',
    body: 'Настоящим подтверждаем, что {name}{function} зарегистрирован(а) для участия в мероприятии «{event}», которое состоится по адресу: {venue}, {dates}.',
    request: 'Просим компетентные органы содействовать выдаче необходимой визы. Если не указано иное, организаторы не покрывают расходы на проезд и проживание.',
    closing: 'С уважением,',
  },
};

export function visaLetterLanguage(language: Language): Language {
  return templates[language] ? language : 'en';
}

export async function visaLetterPdf(event: ConferenceEvent, registration: Registration, fonts: PdfFonts, now: Date): Promise<Uint8Array> {
  const [{ PDFDocument, rgb }, { default: fontkit }] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  const language = visaLetterLanguage(registration.details.language);
  const words = templates[language]!;
  const { title, firstName, lastName, position, organization } = registration.details;
  const name = [title, firstName, lastName].filter(Boolean).join(' ');
  const role = [position, organization].filter(Boolean).join(', ');
  const dates = formatEventDates(event, language);
  const fill = (text: string) =>
    text
      // Russian dates end in "г.": one full stop is enough.
      .replace('{dates}.', dates.endsWith('.') ? dates : `${dates}.`)
      .replace('{name}', name)
      .replace('{function}', role ? ` (${role})` : '')
      .replace('{event}', event.title)
      .replace('{venue}', formatVenue(event, language))
      .replace('{dates}', dates);

  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setTitle(`${words.subject}: ${name}`);
  const regular = await document.embedFont(fonts.regular, { subset: true });
  const bold = await document.embedFont(fonts.bold, { subset: true });
  const page = document.addPage([595.28, 841.89]);
  const margin = 64;
  const width = 595.28 - 2 * margin;
  let y = 841.89 - margin;
  const write = (text: string, size = 11, font = regular, gap = 6) => {
    let current = '';
    const flush = () => {
      y -= size;
      page.drawText(current, { x: margin, y, size, font, color: rgb(0.04, 0.05, 0.05) });
      y -= 3;
      current = '';
    };
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && font.widthOfTextAtSize(candidate, size) > width) {
        flush();
        current = word;
      } else current = candidate;
    }
    if (current) flush();
    y -= gap;
  };
  write(event.visaLetter?.letterhead ?? event.organizer ?? event.title, 13, bold, 24);
  write(new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: event.timeZone }).format(now), 11, regular, 18);
  write(words.subject, 12, bold, 12);
  if (registration.reference) write(registration.reference, 10, regular, 12);
  write(words.salutation);
  write(fill(words.body));
  write(words.request, 11, regular, 24);
  write(words.closing, 11, regular, 36);
  if (event.visaLetter) {
    write(event.visaLetter.signatoryName, 11, bold, 2);
    write(event.visaLetter.signatoryTitle);
  }
  return document.save();
}
