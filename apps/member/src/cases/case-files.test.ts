import { MAX_ATTACHMENT_BYTES } from '@unionhall/domain';
import { describe, expect, it } from 'vitest';
import { FILE_ACCEPT, fileProblem } from './case-files';

describe('files checked before they are sent with a request', () => {
  it('takes photos and documents of the kinds the server takes, whatever the case of the name', () => {
    for (const name of ['payslip.png', 'IMG_0001.JPG', 'contract.pdf', 'hours.xlsx', 'a.b.docx']) {
      expect(fileProblem({ name, size: 1000 })).toBeNull();
    }
    expect(FILE_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.png', '.jpg', '.pdf']));
  });

  it('refuses other kinds and names without an ending', () => {
    for (const name of ['notes.txt', 'drawing.svg', 'png', 'archive.zip']) {
      expect(fileProblem({ name, size: 1000 })).toBe('fileType');
    }
  });

  it('refuses a file larger than the server’s limit, and takes one exactly at it', () => {
    expect(fileProblem({ name: 'scan.pdf', size: MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(fileProblem({ name: 'scan.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('fileTooLarge');
  });
});
