/** The IATI upload form and its result page (routes in import.routes.tsx). */
import { describeImportProblem, type IatiImportReport } from '../iati/import/iati.import.ts';
import type { Lang, Message } from '../shared/i18n.ts';
import { I } from './import.messages.ts';
import { CsrfField } from './staff.layout.tsx';
import type { Frame } from './staff.components.tsx';
import { editPath } from './staff.components.tsx';

export const IMPORT_PATH = '/import';
/** At most this many problems are listed on the page; the command line lists all. */
export const PROBLEMS_SHOWN = 1000;

/** "60 MB" for whole megabytes, else the bytes. */
export function sizeInWords(bytes: number, lang: Lang): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  if (bytes >= 1_000_000 && bytes % 1_000_000 === 0) return `${(bytes / 1_000_000).toLocaleString(locale)} MB`;
  if (bytes >= 100_000) return `${(bytes / 1_000_000).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
  return `${bytes.toLocaleString(locale)} ${lang === 'sv' ? 'byte' : 'bytes'}`;
}

export const fill = (m: Message, lang: Lang, values: Record<string, string | number>): string =>
  m[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));

const FILE_ID = 'iati-file';

/** The form; `error` is shown beside the file field and in a summary above it. */
export function ImportForm({ frame, maxBytes, error, dryRun, id = 'import-form', submit }: {
  frame: Frame; maxBytes: number; error?: string | undefined; dryRun: boolean; id?: string; submit?: string;
}) {
  const { lang } = frame;
  const fileId = id === 'import-form' ? FILE_ID : `${FILE_ID}-${id}`;
  return (
    <form method="post" action={editPath(lang, IMPORT_PATH)} enctype="multipart/form-data" class="import-form" id={id}>
      {/* The token and the mode come before the file: the server reads the parts in this order and checks them before the file. */}
      <CsrfField token={frame.csrf} />
      <div class="field checkbox">
        <input type="checkbox" id={`${fileId}-dry-run`} name="dryRun" value="1" checked={dryRun} />
        <label for={`${fileId}-dry-run`}>{I.dryRunLabel[lang]}</label>
      </div>
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for={fileId}>{fill(I.fileLabel, lang, { limit: sizeInWords(maxBytes, lang) })}</label>
        {error ? (
          <p class="field-error" id={`${fileId}-error`}>
            <span class="visually-hidden">{I.errorLabel[lang]} </span>{error}
          </p>
        ) : null}
        <input type="file" id={fileId} name="file" accept=".xml,application/xml,text/xml" required
          aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${fileId}-error` : undefined} />
      </div>
      <button type="submit">{submit ?? I.submit[lang]}</button>
    </form>
  );
}

export function ImportFormBody({ frame, maxBytes, error, dryRun = true }: { frame: Frame; maxBytes: number; error?: string | undefined; dryRun?: boolean }) {
  const { lang } = frame;
  return (
    <>
      <h1>{I.title[lang]}</h1>
      {error ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} id="error-summary">
          <h2 id="error-summary-title">{I.errorSummary[lang]}</h2>
          <ul><li><a href={`#${FILE_ID}`}>{error}</a></li></ul>
        </div>
      ) : null}
      <p>{fill(I.intro, lang, { limit: sizeInWords(maxBytes, lang) })}</p>
      <p><strong>{I.publishes[lang]}</strong></p>
      <p>{I.severities[lang]}</p>
      <p>{I.workingCopies[lang]}</p>
      <ImportForm frame={frame} maxBytes={maxBytes} error={error} dryRun={dryRun} />
      <p>{I.jsonNote[lang]}</p>
    </>
  );
}

const n = (value: number, lang: Lang) => value.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');

/**
 * A part of the summary that counts activities per label (an element not imported, an organisation
 * that reports them): a heading, a sentence and a two-column table; nothing when there is no row.
 */
function CountsSection({ id, title, intro, what, count, rows, lang }: {
  id: string; title: Message; intro: Message; what: Message; count: Message; rows: [label: string, activities: number][]; lang: Lang;
}) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title[lang]}</h2>
      <p>{intro[lang]}</p>
      <table class={`import-${id}`}>
        <thead>
          <tr><th scope="col">{what[lang]}</th><th scope="col">{count[lang]}</th></tr>
        </thead>
        <tbody>
          {rows.map(([label, activities]) => <tr><td><code>{label}</code></td><td>{n(activities, lang)}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}

export function ImportResultBody({ frame, maxBytes, fileName, bytes, report }: { frame: Frame; maxBytes: number; fileName: string; bytes: number; report: IatiImportReport }) {
  const { lang } = frame;
  const s = report.summary;
  const problems = report.activities.flatMap((a) => a.problems.map((p) => ({ activity: a.identifier, problem: p })));
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const title = report.dryRun ? I.dryRunResultTitle[lang] : I.resultTitle[lang];
  return (
    <>
      <h1>{title}</h1>
      <dl class="import-file">
        <dt>{I.fileName[lang]}</dt><dd>{fileName}</dd>
        <dt>{I.size[lang]}</dt><dd>{sizeInWords(bytes, lang)}</dd>
      </dl>
      {report.critical ? (
        <div class="error-summary" role="alert" aria-labelledby="refused-title" tabindex={-1} id="error-summary">
          <h2 id="refused-title">{I.refused[lang]}</h2>
          <p>{I.refusedReason[lang]}: {describeImportProblem(report.critical, lang)}</p>
        </div>
      ) : (
        <p class="success" role="status">{report.dryRun ? I.dryRunDone[lang] : I.importDone[lang]}</p>
      )}
      {report.critical ? null : (
        <section aria-labelledby="summary-h">
          <h2 id="summary-h">{I.summaryTitle[lang]}</h2>
          <table class="import-summary">
            <thead>
              <tr>
                <td />
                <th scope="col">{I.created[lang]}</th>
                <th scope="col">{I.updated[lang]}</th>
                <th scope="col">{I.unchanged[lang]}</th>
                <th scope="col">{I.skipped[lang]}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{I.activities[lang]}</th>
                <td>{n(s.activities.created, lang)}</td><td>{n(s.activities.updated, lang)}</td>
                <td>{n(s.activities.unchanged, lang)}</td><td>{n(s.activities.skipped, lang)}</td>
              </tr>
              <tr>
                <th scope="row">{I.organisations[lang]}</th>
                <td>{n(s.organisations.created, lang)}</td><td>{n(s.organisations.updated, lang)}</td>
                <td>{n(s.organisations.unchanged, lang)}</td><td>–</td>
              </tr>
            </tbody>
          </table>
          <p>{I.errors[lang]}: {n(s.errors, lang)}. {I.warnings[lang]}: {n(s.warnings, lang)}.</p>
        </section>
      )}
      {report.critical ? null : (
        <>
          <CountsSection id="not-imported" title={I.notImportedTitle} intro={I.notImportedIntro} what={I.notImportedWhat} count={I.notImportedActivities}
            rows={s.notImported.map(({ what, activities }) => [what, activities])} lang={lang} />
          <CountsSection id="reported-elsewhere" title={I.reportedElsewhereTitle} intro={I.reportedElsewhereIntro} what={I.reportedElsewhereOrganisation}
            count={I.reportedElsewhereActivities} rows={s.reportedElsewhere.map(({ organisation, activities }) => [organisation, activities])} lang={lang} />
        </>
      )}
      {report.critical ? null : (
        <section aria-labelledby="problems-h">
          <h2 id="problems-h">{I.problemsTitle[lang]}</h2>
          {problems.length === 0 ? <p>{I.noProblems[lang]}</p> : (
            <>
              {problems.length > shown.length ? <p>{fill(I.shownOf, lang, { shown: n(shown.length, lang), total: n(problems.length, lang) })}</p> : null}
              <table class="import-problems">
                <thead>
                  <tr>
                    <th scope="col">{I.severity[lang]}</th>
                    <th scope="col">{I.activity[lang]}</th>
                    <th scope="col">{I.problem[lang]}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map(({ activity, problem }) => (
                    <tr class={`finding-${problem.severity}`}>
                      <td>{problem.severity === 'error' ? I.error[lang] : I.warning[lang]}</td>
                      <td><code>{activity || I.noIdentifier[lang]}</code></td>
                      <td>{describeImportProblem(problem, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
      {report.dryRun && !report.critical ? (
        <section aria-labelledby="for-real-h">
          <h2 id="for-real-h">{I.runForReal[lang]}</h2>
          <p>{I.pickAgain[lang]}</p>
          <p><strong>{I.publishes[lang]}</strong></p>
          <ImportForm frame={frame} maxBytes={maxBytes} dryRun={false} id="import-for-real" submit={I.submitReal[lang]} />
        </section>
      ) : (
        <p><a href={editPath(lang, IMPORT_PATH)}>{I.anotherFile[lang]}</a></p>
      )}
    </>
  );
}
