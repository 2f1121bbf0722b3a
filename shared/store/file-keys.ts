// Where files live in the uploads bucket: what browsers post under uploads/ (expired by a lifecycle
// rule after a day), what passed its check under files/. Apart from file-store.ts so that code naming
// a key does not bundle the S3 client.
export const fileKeys = {
  uploadPrefix: 'uploads/',
  checkedPrefix: 'files/',
  upload: (eventId: string, uploadId: string) => `uploads/${eventId}/${uploadId}`,
  checked: (eventId: string, uploadId: string) => `files/${eventId}/${uploadId}`,
  checkedOfEvent: (eventId: string) => `files/${eventId}/`,
};
