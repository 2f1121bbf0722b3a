// What an uploaded file is, by its bytes and never by its name or the type the browser claimed: a
// JPEG, a PNG or a PDF, its size, a photo's dimensions; and the image without its metadata (EXIF
// with the camera, the time and often the place; XMP; comments; PNG text chunks), so that what is
// kept is the picture and nothing else. Pure: the check-upload action reads and writes the bytes.
import { acceptedTypes, maxBytesOf, type CustomField, type FileType } from './form-definition.ts';

export type FileField = CustomField & { kind: 'file' | 'photo' };

export type FileRefusal = 'type_not_accepted' | 'type_mismatch' | 'too_large' | 'empty' | 'unreadable' | 'photo_too_small' | 'photo_aspect';

export type FileVerdict =
  | { accepted: true; type: FileType; bytes: Uint8Array; width?: number | undefined; height?: number | undefined }
  | { accepted: false; reason: FileRefusal; message: string };

/** The type the bytes are, whatever the file is called. */
export function sniffType(bytes: Uint8Array): FileType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => bytes[index] === byte)) return 'image/png';
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return undefined;
}

const u16 = (bytes: Uint8Array, at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
const u32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;

interface JpegSegment {
  marker: number;
  start: number;
  end: number;
}

/** The segments before the image data (SOS), or undefined when the structure is broken. */
function jpegSegments(bytes: Uint8Array): { segments: JpegSegment[]; scanStart: number } | undefined {
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = u16(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return undefined;
    if (marker === 0xda) return { segments, scanStart: at };
    segments.push({ marker, start: at, end: at + 2 + length });
    at += 2 + length;
  }
  return undefined;
}

// APPn segments kept: JFIF (APP0), the ICC colour profile (APP2) and Adobe's colour transform (APP14); not EXIF or XMP (APP1), the others, or comments.
const keptJpegMarkers = new Set([0xe0, 0xe2, 0xee]);
const isAppOrComment = (marker: number) => (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

// PNG chunks dropped: text (tEXt, zTXt, iTXt), EXIF (eXIf) and the time (tIME).
const droppedPngChunks = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function pngChunks(bytes: Uint8Array): { type: string; start: number; end: number }[] | undefined {
  const chunks: { type: string; start: number; end: number }[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length) return undefined;
    chunks.push({ type, start: at, end });
    at = end;
    if (type === 'IEND') return chunks;
  }
  return undefined;
}

/** An image's width and height, read from its header; undefined for a broken one. */
export function imageSize(bytes: Uint8Array, type: FileType): { width: number; height: number } | undefined {
  if (type === 'image/png') {
    const chunks = pngChunks(bytes);
    const header = chunks?.[0];
    if (!header || header.type !== 'IHDR') return undefined;
    return { width: u32(bytes, header.start + 8), height: u32(bytes, header.start + 12) };
  }
  if (type === 'image/jpeg') {
    const frame = jpegSegments(bytes)?.segments.find((segment) => isStartOfFrame(segment.marker));
    if (!frame) return undefined;
    return { height: u16(bytes, frame.start + 5), width: u16(bytes, frame.start + 7) };
  }
  return undefined;
}

/** The image without its metadata; a PDF as it is (its content is the document). */
export function withoutMetadata(bytes: Uint8Array, type: FileType): Uint8Array {
  if (type === 'image/jpeg') {
    const parsed = jpegSegments(bytes);
    if (!parsed) return bytes;
    const kept = parsed.segments.filter((segment) => !isAppOrComment(segment.marker) || keptJpegMarkers.has(segment.marker));
    return concat([bytes.subarray(0, 2), ...kept.map((segment) => bytes.subarray(segment.start, segment.end)), bytes.subarray(parsed.scanStart)]);
  }
  if (type === 'image/png') {
    const chunks = pngChunks(bytes);
    if (!chunks) return bytes;
    return concat([bytes.subarray(0, 8), ...chunks.filter((chunk) => !droppedPngChunks.has(chunk.type)).map((chunk) => bytes.subarray(chunk.start, chunk.end))]);
  }
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const names: Record<FileType, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/**
 * The verdict on an upload for a question: the bytes must be a type the question takes, the type
 * the upload was made for (`declared`), within its size, and a photo as large and as shaped as asked.
 */
export function checkFile(field: FileField, declared: FileType, bytes: Uint8Array): FileVerdict {
  const accepted = acceptedTypes(field);
  if (bytes.length === 0) return { accepted: false, reason: 'empty', message: 'The file is empty' };
  if (bytes.length > maxBytesOf(field)) return { accepted: false, reason: 'too_large', message: `The file must be at most ${maxBytesOf(field)} bytes` };
  const type = sniffType(bytes);
  if (!type || !accepted.includes(type)) {
    return { accepted: false, reason: 'type_not_accepted', message: `The file is not ${accepted.map((entry) => names[entry]).join(' or ')} (by its content, whatever its name)` };
  }
  if (type !== declared) return { accepted: false, reason: 'type_mismatch', message: `The file was announced as ${names[declared]} but is ${names[type]}` };
  if (type === 'application/pdf') return { accepted: true, type, bytes };
  const size = imageSize(bytes, type);
  if (!size || size.width === 0 || size.height === 0) return { accepted: false, reason: 'unreadable', message: `The ${names[type]} image could not be read` };
  if (field.kind === 'photo') {
    if ((field.minWidth && size.width < field.minWidth) || (field.minHeight && size.height < field.minHeight)) {
      return { accepted: false, reason: 'photo_too_small', message: `The photo must be at least ${field.minWidth ?? 1} × ${field.minHeight ?? 1} pixels; it is ${size.width} × ${size.height}` };
    }
    if (field.aspect) {
      const wanted = field.aspect.width / field.aspect.height;
      if (Math.abs(size.width / size.height - wanted) / wanted > 0.05) {
        return { accepted: false, reason: 'photo_aspect', message: `The photo must be ${field.aspect.width}:${field.aspect.height} (within 5 %); it is ${size.width} × ${size.height}` };
      }
    }
  }
  return { accepted: true, type, bytes: withoutMetadata(bytes, type), ...size };
}
