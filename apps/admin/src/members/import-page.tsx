import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IMPORT_FIELDS,
  MAX_IMPORT_UPLOAD_BYTES,
  REQUIRED_IMPORT_FIELDS,
  type TImportField,
  type TImportMapping,
  type TImportPreview,
  type TImportResult,
} from '@unionhall/domain';
import { Alert, Button, Select, readApiError } from '@unionhall/ui';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../trpc';
import { base64ToObjectUrl } from './download';
import { commitUpload, previewUpload } from './import-upload';
import './members.css';

/**
 * Import members from a spreadsheet: choose a file, check the column mapping and the dry-run
 * preview (the server reads and checks every row), import the valid rows, then download the
 * rejected ones with their reasons.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<TImportMapping | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [result, setResult] = useState<TImportResult | null>(null);

  // The file goes to the upload route as it is (officer.memberImport.* behind it), not as
  // base64 inside a tRPC call: a large file then costs no memory on either side.
  const previewMutation = useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping?: TImportMapping }) =>
      previewUpload(file, mapping),
    onSuccess: (data) => {
      setPreview(data);
      setMapping(data.mapping);
    },
  });
  const commitMutation = useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: TImportMapping }) =>
      commitUpload(file, mapping),
    onSuccess: (data) => {
      setResult(data);
      void queryClient.invalidateQueries({ queryKey: trpc.officer.membership.pathKey() });
    },
  });

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setPreview(null);
    setResult(null);
    setMapping(null);
    setFileError(null);
    previewMutation.reset();
    commitMutation.reset();
    if (!file) {
      setUpload(null);
      return;
    }
    if (file.size > MAX_IMPORT_UPLOAD_BYTES) {
      setUpload(null);
      setFileError(t('memberImport.tooLarge'));
      return;
    }
    setUpload(file);
    previewMutation.mutate({ file });
  }

  function changeMapping(field: TImportField, value: string) {
    if (!upload || !mapping) return;
    const next: TImportMapping = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    setMapping(next);
    previewMutation.mutate({ file: upload, mapping: next });
  }

  function startAgain() {
    setUpload(null);
    setPreview(null);
    setMapping(null);
    setResult(null);
    previewMutation.reset();
    commitMutation.reset();
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.focus();
    }
  }

  const previewError = previewMutation.error
    ? readApiError(previewMutation.error, t('common:errors.network'))
    : null;
  const commitError = commitMutation.error
    ? readApiError(commitMutation.error, t('common:errors.network'))
    : null;
  const missing = preview?.missingFields ?? [];

  return (
    <section className="page" aria-labelledby="import-title">
      <header className="page__header">
        <div>
          <p className="import-back">
            <Link to="/members">{t('memberImport.back')}</Link>
          </p>
          <h1 id="import-title">{t('memberImport.title')}</h1>
          <p className="page__intro">{t('memberImport.intro')}</p>
        </div>
      </header>

      <div className="import-file uh-field">
        <label htmlFor={fileId} className="uh-field__label">
          {t('memberImport.file')}
        </label>
        <p id={`${fileId}-hint`} className="uh-field__description">
          {t('memberImport.fileHint')}
        </p>
        <input
          ref={fileInput}
          id={fileId}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${fileId}-hint`}
          onChange={chooseFile}
        />
      </div>

      {fileError ? <Alert tone="error">{fileError}</Alert> : null}
      {previewError ? (
        <Alert tone="error" title={t('memberImport.previewError')}>
          {previewError.message}
        </Alert>
      ) : null}
      <p role="status" className="page__status">
        {previewMutation.isPending ? t('memberImport.previewing') : null}
        {commitMutation.isPending ? t('memberImport.committing') : null}
      </p>

      {result ? (
        <ImportResultPanel result={result} onAgain={startAgain} />
      ) : preview && mapping && upload ? (
        <>
          <MappingForm
            headers={preview.headers}
            mapping={mapping}
            missing={missing}
            disabled={previewMutation.isPending || commitMutation.isPending}
            onChange={changeMapping}
          />
          <PreviewTable preview={preview} />
          {commitError ? (
            <Alert tone="error" title={t('memberImport.commitError')}>
              {commitError.message}
            </Alert>
          ) : null}
          <div className="import-actions">
            <Button
              variant="primary"
              aria-disabled={
                commitMutation.isPending || previewMutation.isPending || missing.length > 0
              }
              onClick={() => {
                // With no valid rows the import still runs: it reports and returns the rows.
                if (commitMutation.isPending || previewMutation.isPending) return;
                if (missing.length > 0) return;
                commitMutation.mutate({ file: upload, mapping });
              }}
            >
              {commitMutation.isPending
                ? t('memberImport.committing')
                : t('memberImport.commit', { count: preview.counts.valid })}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}

function MappingForm({
  headers,
  mapping,
  missing,
  disabled,
  onChange,
}: {
  headers: string[];
  mapping: TImportMapping;
  missing: TImportField[];
  disabled: boolean;
  onChange: (field: TImportField, value: string) => void;
}) {
  const { t } = useTranslation();
  const options = [
    { value: '', label: t('memberImport.notMapped') },
    ...headers.map((header, index) => ({
      value: String(index),
      label: header === '' ? `#${index + 1}` : header,
    })),
  ];
  return (
    <fieldset className="import-mapping">
      <legend>{t('memberImport.mappingTitle')}</legend>
      <p className="uh-field__description">{t('memberImport.mappingHint')}</p>
      {missing.length > 0 ? (
        <Alert tone="warning">
          {t('memberImport.missing', {
            fields: missing.map((field) => t(`memberImport.field.${field}`)).join(', '),
          })}
        </Alert>
      ) : null}
      <div className="import-mapping__grid">
        {IMPORT_FIELDS.map((field) => (
          <Select
            key={field}
            label={`${t(`memberImport.field.${field}`)}${REQUIRED_IMPORT_FIELDS.includes(field) ? ' *' : ''}`}
            options={options}
            value={mapping[field] === undefined ? '' : String(mapping[field])}
            disabled={disabled}
            onChange={(event) => onChange(field, event.target.value)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function PreviewTable({ preview }: { preview: TImportPreview }) {
  const { t } = useTranslation();
  const { counts } = preview;
  return (
    <section aria-labelledby="import-preview-title" className="import-preview">
      <h2 id="import-preview-title">{t('memberImport.previewTitle')}</h2>
      <p>
        {t('memberImport.counts', counts)}{' '}
        {preview.rows.length < counts.total
          ? t('memberImport.previewShown', { shown: preview.rows.length })
          : null}
      </p>
      <div className="data-table-frame">
        <table className="data-table members-table import-table">
          <caption className="uh-visually-hidden">{t('memberImport.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('memberImport.column.line')}</th>
              <th scope="col">{t('memberImport.column.status')}</th>
              <th scope="col">{t('memberImport.field.name')}</th>
              <th scope="col">{t('memberImport.field.idNumber')}</th>
              <th scope="col">{t('memberImport.field.phone')}</th>
              <th scope="col">{t('memberImport.field.unitCode')}</th>
              <th scope="col">{t('memberImport.column.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} data-status={row.status}>
                <td>{row.line}</td>
                <td>
                  <span className={`import-status import-status--${row.status.toLowerCase()}`}>
                    {t(`memberImport.status.${row.status}`)}
                  </span>
                </td>
                <td>{row.values.name ?? ''}</td>
                <td>{row.values.idNumber ?? ''}</td>
                <td>{row.values.phone ?? ''}</td>
                <td>{row.values.unitCode ?? ''}</td>
                <td>
                  {row.problems.length > 0 ? (
                    <ul className="import-reasons">
                      {row.problems.map((problem, index) => (
                        <li key={index}>
                          {problem.field ? `${t(`memberImport.field.${problem.field}`)}: ` : ''}
                          {problem.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ImportResultPanel({ result, onAgain }: { result: TImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const rejected = result.counts.total - result.imported;
  const url = useMemo(
    () => (result.errorFile ? base64ToObjectUrl(result.errorFile, 'text/csv;charset=utf-8') : null),
    [result.errorFile],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="import-result-title" className="import-result">
      <h2 id="import-result-title" ref={heading} tabIndex={-1}>
        {t('memberImport.resultTitle')}
      </h2>
      <Alert tone={result.imported > 0 ? 'success' : 'info'}>
        {t('memberImport.result', { count: result.imported })}{' '}
        {rejected > 0 ? t('memberImport.rejected', { count: rejected }) : null}
      </Alert>
      <div className="import-actions">
        {url && result.errorFileName ? (
          <a className="uh-button uh-button--primary" href={url} download={result.errorFileName}>
            {t('memberImport.downloadRejected')}
          </a>
        ) : null}
        <Button onClick={onAgain}>{t('memberImport.again')}</Button>
        <Link to="/members">{t('memberImport.back')}</Link>
      </div>
    </section>
  );
}
