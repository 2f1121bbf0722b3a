// Who may have a visa support letter, apart from the letter itself (visa-letter.ts carries the PDF
// library): the manage page asks this on every view and must stay small.
import type { ConferenceEvent } from './event.ts';

/**
 * Whether the participant asked for a letter: by answering yes to the event's visa question
 * (visaLetter.requestedBy), or anyway where the event asks no such question.
 */
export function asksForVisaLetter(event: ConferenceEvent, answers: Readonly<Record<string, unknown>> | undefined): boolean {
  const question = event.visaLetter?.requestedBy;
  return question === undefined || answers?.[question] === true;
}
