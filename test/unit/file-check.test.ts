// What a file is by its bytes, a photo's size, and the image without its metadata (model/file-check.ts).
import { describe, expect, it } from 'vitest';
import { checkFile, imageSize, sniffType, withoutMetadata, type FileField } from '#shared/model/file-check.ts';
import { jpeg, pdf, png, script } from '../support/images.ts';

const badge: FileField = { id: 'badge', kind: 'photo', label: { en: 'Badge photo' }, minWidth: 300, minHeight: 400, aspect: { width: 3, height: 4 } };

describe('file checks', () => {
  it('tells the type by the bytes, whatever the file claims', () => {
    expect([sniffType(png(2, 2)), sniffType(jpeg(2, 2)), sniffType(pdf()), sniffType(script()), sniffType(new Uint8Array())]).toEqual([
      'image/png',
      'image/jpeg',
      'application/pdf',
      undefined,
      undefined,
    ]);
  });

  it('reads the dimensions from the image header', () => {
    expect(imageSize(png(321, 654), 'image/png')).toEqual({ width: 321, height: 654 });
    expect(imageSize(jpeg(1200, 1600), 'image/jpeg')).toEqual({ width: 1200, height: 1600 });
    expect(imageSize(png(10, 10).subarray(0, 20), 'image/png')).toBeUndefined();
  });

  it('strips EXIF, comments and text chunks, and keeps the picture', () => {
    // Act
    const cleanJpeg = Buffer.from(withoutMetadata(jpeg(300, 400), 'image/jpeg')).toString('latin1');
    const cleanPng = withoutMetadata(png(300, 400), 'image/png');

    // Assess
    expect(cleanJpeg).not.toMatch(/Exif|GPS|embassy/);
    expect(cleanJpeg.startsWith('\xff\xd8')).toBe(true);
    expect(cleanJpeg.endsWith('\xff\xd9')).toBe(true);
    expect(imageSize(Buffer.from(cleanJpeg, 'latin1'), 'image/jpeg')).toEqual({ width: 300, height: 400 });
    expect(Buffer.from(cleanPng).toString('latin1')).not.toContain('Ivan Petrov');
    expect(imageSize(cleanPng, 'image/png')).toEqual({ width: 300, height: 400 });
    expect(Buffer.from(cleanPng).toString('latin1')).toContain('IDAT');
  });

  it('holds a badge photo to its size and aspect, within 5 %', () => {
    expect(checkFile(badge, 'image/png', png(300, 400))).toMatchObject({ accepted: true, width: 300, height: 400 });
    expect(checkFile(badge, 'image/png', png(310, 400))).toMatchObject({ accepted: true });
    expect(checkFile(badge, 'image/png', png(360, 400))).toMatchObject({ accepted: false, reason: 'photo_aspect' });
    expect(checkFile(badge, 'image/png', png(150, 200))).toMatchObject({ accepted: false, reason: 'photo_too_small' });
    expect(checkFile(badge, 'image/jpeg', png(300, 400))).toMatchObject({ accepted: false, reason: 'type_mismatch' });
    expect(checkFile(badge, 'application/pdf', pdf())).toMatchObject({ accepted: false, reason: 'type_not_accepted' });
  });
});
