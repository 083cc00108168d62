/** The sign-in, account and user pages: server-rendered forms that work without JavaScript. */
import type { ComponentChildren } from 'preact';
import { href } from '../portal/paths.ts';
import type { FieldProblem } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { CsrfField } from '../staff/staff.layout.tsx';
import { ROLES, ROLE_NAMES, isRole, type Actor } from './access.ts';
import { AUDIT_ACTIONS, AUDIT_DETAILS, W } from './accounts.messages.ts';
import type { AuditEntry } from './audit.ts';
import type { ApiToken } from './token.ts';
import type { User } from './user.repository.ts';

/** Problems of one form, by field path; `''` holds those about the whole form. */
export type FormErrors = Map<string, string[]>;

export function formErrors(problems: FieldProblem[], lang: Lang): FormErrors {
  const map: FormErrors = new Map();
  for (const p of problems) map.set(p.path, [...(map.get(p.path) ?? []), p.message[lang]]);
  return map;
}

const fieldId = (form: string, name: string) => `${form}-${name}`;

function ErrorSummary({ errors, lang, form }: { errors: FormErrors | undefined; lang: Lang; form: string }) {
  if (!errors || errors.size === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby={`${form}-errors`}>
      <h2 id={`${form}-errors`}>{W.errorSummary[lang]}</h2>
      <ul>
        {[...errors.entries()].flatMap(([path, messages]) => messages.map((m, i) => (
          <li key={`${path}-${i}`}>{path ? <a href={`#${fieldId(form, path)}`}>{m}</a> : m}</li>
        )))}
      </ul>
    </div>
  );
}

interface FieldProps {
  form: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string | undefined;
  hint?: string | undefined;
  errors?: FormErrors | undefined;
  autocomplete?: string;
  required?: boolean;
  visuallyHiddenLabel?: boolean;
}

function Field({ form, name, label, type = 'text', value, hint, errors, autocomplete, required, visuallyHiddenLabel }: FieldProps) {
  const id = fieldId(form, name);
  const messages = errors?.get(name) ?? [];
  const described = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id} class={visuallyHiddenLabel ? 'visually-hidden' : undefined}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <input id={id} name={name} type={type} value={type === 'password' ? undefined : value} autocomplete={autocomplete}
        required={required} aria-invalid={messages.length ? 'true' : undefined} aria-describedby={described} />
      {messages.length ? <p class="field-error" id={`${id}-error`}>{messages.join(' ')}</p> : null}
    </div>
  );
}

function RoleSelect({ form, lang, value, errors, label, visuallyHiddenLabel }: { form: string; lang: Lang; value: string | undefined; errors?: FormErrors | undefined; label: string; visuallyHiddenLabel?: boolean }) {
  const id = fieldId(form, 'role');
  const messages = errors?.get('role') ?? [];
  return (
    <div class="field">
      <label for={id} class={visuallyHiddenLabel ? 'visually-hidden' : undefined}>{label}</label>
      <select id={id} name="role" aria-invalid={messages.length ? 'true' : undefined} aria-describedby={messages.length ? `${id}-error` : undefined}>
        {ROLES.map((r) => <option key={r} value={r} selected={r === value}>{ROLE_NAMES[r][lang]}</option>)}
      </select>
      {messages.length ? <p class="field-error" id={`${id}-error`}>{messages.join(' ')}</p> : null}
    </div>
  );
}

export function SignInBody({ lang, csrf, email, next, errors, notice }: { lang: Lang; csrf: string; email: string; next: string | undefined; errors?: FormErrors | undefined; notice?: string | undefined }) {
  return (
    <>
      <h1>{W.signInTitle[lang]}</h1>
      <p>{W.signInIntro[lang]}</p>
      {notice ? <p class="success" role="status">{notice}</p> : null}
      <ErrorSummary errors={errors} lang={lang} form="sign-in" />
      <form method="post" action={href(lang, '/sign-in')} class="staff-form" novalidate>
        <CsrfField token={csrf} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field form="sign-in" name="email" type="email" label={W.email[lang]} value={email} errors={errors} autocomplete="username" required />
        <Field form="sign-in" name="password" type="password" label={W.password[lang]} errors={errors} autocomplete="current-password" required />
        <button type="submit">{W.signInButton[lang]}</button>
      </form>
    </>
  );
}

const when = (lang: Lang, iso: string | null) => iso
  ? new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso))
  : W.never[lang];

export interface AccountView {
  lang: Lang;
  csrf: string;
  actor: Actor;
  tokens: ApiToken[];
  notice?: string | undefined;
  /** A token just created: shown this once. */
  newToken?: string | undefined;
  passwordErrors?: FormErrors | undefined;
  tokenErrors?: FormErrors | undefined;
  tokenName?: string | undefined;
}

export function AccountBody(v: AccountView) {
  const { lang } = v;
  const base = href(v.lang, '/edit/account');
  return (
    <>
      <h1>{W.accountTitle[lang]}</h1>
      <p>{W.accountSummary[lang]} <strong>{v.actor.name ?? v.actor.email}</strong> ({v.actor.email}). {W.role[lang]}: {ROLE_NAMES[v.actor.role][lang]}.</p>
      {v.notice ? <p class="success" role="status">{v.notice}</p> : null}

      <h2 id="password">{W.changePasswordTitle[lang]}</h2>
      <ErrorSummary errors={v.passwordErrors} lang={lang} form="password" />
      <form method="post" action={`${base}/password`} class="staff-form" novalidate>
        <CsrfField token={v.csrf} />
        <input type="text" name="username" value={v.actor.email} autocomplete="username" hidden readonly />
        <Field form="password" name="current" type="password" label={W.currentPassword[lang]} errors={v.passwordErrors} autocomplete="current-password" required />
        <Field form="password" name="password" type="password" label={W.newPassword[lang]} hint={W.passwordHint[lang]} errors={v.passwordErrors} autocomplete="new-password" required />
        <Field form="password" name="confirm" type="password" label={W.confirmPassword[lang]} errors={v.passwordErrors} autocomplete="new-password" required />
        <button type="submit">{W.changePasswordButton[lang]}</button>
      </form>

      <h2 id="tokens">{W.tokensTitle[lang]}</h2>
      <p>{W.tokensIntro[lang]} <code>Authorization: Bearer …</code>.</p>
      {v.newToken ? (
        <div class="success" role="status">
          <p>{W.tokenCreated[lang]}</p>
          <code class="secret">{v.newToken}</code>
        </div>
      ) : null}
      <TokenTable lang={lang} csrf={v.csrf} tokens={v.tokens} action={(t) => `${base}/tokens/${t.id}/revoke`} />
      <ErrorSummary errors={v.tokenErrors} lang={lang} form="token" />
      <form method="post" action={`${base}/tokens`} class="staff-form" novalidate>
        <CsrfField token={v.csrf} />
        <Field form="token" name="name" label={W.tokenName[lang]} hint={W.tokenNameHint[lang]} value={v.tokenName} errors={v.tokenErrors} required />
        <button type="submit">{W.createToken[lang]}</button>
      </form>

      <h2 id="everywhere">{W.everywhereTitle[lang]}</h2>
      <p>{W.everywhereText[lang]}</p>
      <form method="post" action={`${base}/sign-out-everywhere`}>
        <CsrfField token={v.csrf} />
        <button type="submit" class="button-secondary">{W.everywhereButton[lang]}</button>
      </form>
    </>
  );
}

function TokenTable({ lang, csrf, tokens, action, none = W.tokensNone[lang] }: { lang: Lang; csrf: string; tokens: ApiToken[]; action: (t: ApiToken) => string; none?: string }) {
  if (tokens.length === 0) return <p>{none}</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead><tr><th scope="col">{W.tokenName[lang]}</th><th scope="col">{W.tokenPrefix[lang]}</th><th scope="col">{W.created[lang]}</th><th scope="col">{W.lastUsed[lang]}</th><th scope="col">{W.state[lang]}</th><th scope="col">{W.actions[lang]}</th></tr></thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td><code>{t.prefix}…</code></td>
              <td>{when(lang, t.createdAt)}</td>
              <td>{when(lang, t.lastUsedAt)}</td>
              <td>{t.revokedAt ? `${W.revoked[lang]} ${when(lang, t.revokedAt)}` : W.active[lang]}</td>
              <td>{t.revokedAt ? null : (
                <form method="post" action={action(t)} class="inline-form">
                  <CsrfField token={csrf} />
                  <button type="submit" class="button-secondary" aria-label={`${W.revokeToken[lang]} ${t.name}`}>{W.revoke[lang]}</button>
                </form>
              )}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface UsersView {
  lang: Lang;
  csrf: string;
  actor: Actor;
  users: User[];
  notice?: ComponentChildren;
  /** Errors of one form: 'add' or `row-<id>` (a row's role or password form). */
  errorsFor?: { form: string; errors: FormErrors } | undefined;
  /** What the add form had, so nothing typed is lost but the password. */
  draft?: { email?: string; name?: string; role?: string } | undefined;
}

export function UsersBody(v: UsersView) {
  const { lang } = v;
  const base = href(lang, '/edit/users');
  const errorsOf = (form: string) => (v.errorsFor?.form === form ? v.errorsFor.errors : undefined);
  return (
    <>
      <h1>{W.usersTitle[lang]}</h1>
      <p>{W.usersIntro[lang]}</p>
      <p><a href={`${base}/audit`}>{W.auditLink[lang]}</a></p>
      {v.notice ? <p class="success" role="status">{v.notice}</p> : null}
      {v.errorsFor && v.errorsFor.form !== 'add' ? <ErrorSummary errors={v.errorsFor.errors} lang={lang} form={v.errorsFor.form} /> : null}
      <div class="table-scroll">
        <table>
          <thead><tr><th scope="col">{W.email[lang]}</th><th scope="col">{W.name[lang]}</th><th scope="col">{W.role[lang]}</th><th scope="col">{W.userStatus[lang]}</th><th scope="col">{W.resetPassword[lang]}</th></tr></thead>
          <tbody>
            {v.users.map((u) => {
              const form = `row-${u.id}`;
              const rowErrors = errorsOf(form);
              return (
                <tr key={u.id}>
                  <th scope="row">
                    {u.email} {u.id === v.actor.userId ? W.you[lang] : null}
                    <br /><a href={`${base}/${u.id}/tokens`} aria-label={`${W.tokensTitle[lang]} ${W.forUser[lang]} ${u.email}`} class="meta">{W.tokensTitle[lang]}</a>
                  </th>
                  <td>{u.name ?? ''}</td>
                  <td>
                    <form method="post" action={`${base}/${u.id}/role`} class="actions">
                      <CsrfField token={v.csrf} />
                      <RoleSelect form={form} lang={lang} value={u.role} errors={rowErrors} label={`${W.role[lang]} ${W.forUser[lang]} ${u.email}`} visuallyHiddenLabel />
                      <button type="submit" class="button-secondary" aria-label={`${W.changeRole[lang]} ${W.forUser[lang]} ${u.email}`}>{W.changeRole[lang]}</button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`${base}/${u.id}/${u.disabled ? 'enable' : 'disable'}`} class="actions">
                      <CsrfField token={v.csrf} />
                      <span>{u.disabled ? W.disabled[lang] : W.enabled[lang]}</span>
                      <button type="submit" class="button-secondary" aria-label={`${u.disabled ? W.enable[lang] : W.disable[lang]} ${u.email}`}>{u.disabled ? W.enable[lang] : W.disable[lang]}</button>
                    </form>
                  </td>
                  <td>
                    <form method="post" action={`${base}/${u.id}/password`} class="actions" novalidate>
                      <CsrfField token={v.csrf} />
                      <input type="text" name="username" value={u.email} autocomplete="off" hidden readonly />
                      <Field form={form} name="password" type="password" label={`${W.resetPassword[lang]} ${W.forUser[lang]} ${u.email}`} errors={rowErrors} autocomplete="new-password" visuallyHiddenLabel />
                      <button type="submit" class="button-secondary" aria-label={`${W.resetPasswordButton[lang]} ${W.forUser[lang]} ${u.email}`}>{W.resetPasswordButton[lang]}</button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2 id="add">{W.addUserTitle[lang]}</h2>
      <ErrorSummary errors={errorsOf('add')} lang={lang} form="add" />
      <form method="post" action={base} class="staff-form" novalidate>
        <CsrfField token={v.csrf} />
        <Field form="add" name="email" type="email" label={W.email[lang]} value={v.draft?.email} errors={errorsOf('add')} autocomplete="off" required />
        <Field form="add" name="name" label={W.name[lang]} hint={W.nameHint[lang]} value={v.draft?.name} errors={errorsOf('add')} autocomplete="off" />
        <RoleSelect form="add" lang={lang} value={v.draft?.role ?? 'editor'} errors={errorsOf('add')} label={W.role[lang]} />
        <Field form="add" name="password" type="password" label={W.initialPassword[lang]} hint={W.initialPasswordHint[lang]} errors={errorsOf('add')} autocomplete="new-password" required />
        <button type="submit">{W.addUserButton[lang]}</button>
      </form>
    </>
  );
}

function detailText(lang: Lang, detail: Record<string, unknown>): string {
  const value = (v: unknown): string => {
    if (v === null || v === undefined) return '–';
    if (typeof v === 'string') return isRole(v) ? ROLE_NAMES[v][lang] : AUDIT_DETAILS[v]?.[lang] ?? v;
    return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  };
  return Object.entries(detail).map(([k, v]) => `${AUDIT_DETAILS[k]?.[lang] ?? k}: ${value(v)}`).join(', ');
}

export function AuditBody({ lang, entries, older }: { lang: Lang; entries: AuditEntry[]; older: string | undefined }) {
  return (
    <>
      <h1>{W.auditTitle[lang]}</h1>
      <p>{W.auditIntro[lang]}</p>
      <p><a href={href(lang, '/edit/users')}>{W.backToUsers[lang]}</a></p>
      {entries.length === 0 ? <p>{W.auditNone[lang]}</p> : (
        <div class="table-scroll">
          <table>
            <thead><tr><th scope="col">{W.auditWhen[lang]}</th><th scope="col">{W.auditWho[lang]}</th><th scope="col">{W.auditAction[lang]}</th><th scope="col">{W.auditTarget[lang]}</th><th scope="col">{W.auditIp[lang]}</th><th scope="col">{W.auditDetail[lang]}</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td><time dateTime={e.at}>{when(lang, e.at)}</time></td>
                  <td>{e.actorEmail ?? (e.ip === null ? W.commandLine[lang] : W.nobody[lang])}</td>
                  <td>{AUDIT_ACTIONS[e.action]?.[lang] ?? e.action}</td>
                  <td>{e.target ?? ''}</td>
                  <td>{e.ip ?? ''}</td>
                  <td>{detailText(lang, e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older ? <p><a href={older}>{W.auditOlder[lang]}</a></p> : null}
    </>
  );
}

export function UserTokensBody({ lang, csrf, user, tokens, notice }: { lang: Lang; csrf: string; user: User; tokens: ApiToken[]; notice?: string | undefined }) {
  const base = href(lang, `/edit/users/${user.id}/tokens`);
  return (
    <>
      <h1>{W.userTokensTitle[lang]} {user.email}</h1>
      <p>{W.userTokensIntro[lang]}</p>
      <p><a href={href(lang, '/edit/users')}>{W.backToUsers[lang]}</a></p>
      {notice ? <p class="success" role="status">{notice}</p> : null}
      <TokenTable lang={lang} csrf={csrf} tokens={tokens} action={(t) => `${base}/${t.id}/revoke`} none={W.userTokensNone[lang]} />
    </>
  );
}
