// Saves a file the console fetched with the token (an export): a link to the Blob, clicked. The API
// needs the Authorization header, which a plain link to the API could not send.
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a while later nothing needs it any more.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
