/**
 * `samverka user …` and `samverka token …`: thin over src/accounts/. Passwords are read from
 * standard input (the first line), never from an argument; from a terminal they are asked for
 * twice without echo.
 */
import { Command, Option } from 'commander';
import { ROLES, ROLE_NAMES } from '../accounts/access.ts';
import type { ActionContext } from '../accounts/audit.ts';
import { createToken, listTokens, revokeToken } from '../accounts/token.ts';
import { addUser, findUserByEmail, listUsers, resetPassword, setUserDisabled, setUserRole } from '../accounts/user.repository.ts';
import type { Db } from '../db/database.ts';
import { AppError, NotFoundError } from '../shared/errors.ts';
import type { Lang, Message } from '../shared/i18n.ts';

export interface AccountCommandsDeps {
  withDatabase: <T>(body: (db: Db) => Promise<T>) => Promise<T>;
  lang: Lang;
}

const cli = (): ActionContext => ({ actorUserId: null, ip: null, now: new Date() });

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** One line typed at the terminal without echo. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(typed));
        if (ch === '\u0003' || ch === '\u0004') return finish(() => reject(new AppError('cancelled', { sv: 'Avbrutet.', en: 'Cancelled.' })));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    const finish = (then: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      then();
    };
    stdin.on('data', onData);
  });
}

async function readPassword(lang: Lang): Promise<string> {
  if (!process.stdin.isTTY) return (await readAll()).split(/\r?\n/)[0] ?? '';
  const first = await askHidden(lang === 'sv' ? 'Lösenord: ' : 'Password: ');
  const again = await askHidden(lang === 'sv' ? 'Samma lösenord igen: ' : 'The same password again: ');
  if (first !== again) throw new AppError('password-mismatch', { sv: 'Lösenorden är inte lika.', en: 'The passwords do not match.' });
  return first;
}

export function registerAccountCommands(program: Command, deps: AccountCommandsDeps): void {
  const { withDatabase, lang } = deps;
  const say = (m: Message) => m[lang];
  const roleOption = () => new Option('--role <role>', `role: ${ROLES.join(', ')}`).choices(ROLES).makeOptionMandatory();
  const emailOption = () => new Option('--email <email>', 'the user\'s e-mail address').makeOptionMandatory();

  const user = program.command('user').description('staff accounts: add, list, disable, enable, reset a password, change a role');

  user.command('add')
    .description('add a user; the password is read from standard input (asked for without echo in a terminal)')
    .addOption(emailOption()).addOption(roleOption()).option('--name <name>', 'the person\'s name')
    .action(async (opts: { email: string; role: string; name?: string }) => {
      const password = await readPassword(lang);
      const added = await withDatabase((db) => addUser(db, { email: opts.email, role: opts.role, name: opts.name, password }, cli()));
      console.log(say({ sv: `Användaren ${added.email} är tillagd med rollen ${ROLE_NAMES[added.role].sv}.`, en: `Added ${added.email} with the role ${ROLE_NAMES[added.role].en}.` }));
    });

  user.command('list')
    .description('list the users')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const users = await withDatabase((db) => listUsers(db));
      if (opts.json) {
        console.log(JSON.stringify(users.map((u) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabled, createdAt: u.createdAt })), null, 2));
        return;
      }
      if (users.length === 0) {
        console.log(say({ sv: 'Det finns inga användare.', en: 'There are no users.' }));
        return;
      }
      for (const u of users) {
        const state = u.disabled ? say({ sv: 'avstängd', en: 'disabled' }) : say({ sv: 'aktiv', en: 'enabled' });
        console.log([u.email.padEnd(32), ROLE_NAMES[u.role][lang].padEnd(14), state.padEnd(9), u.name ?? ''].join(' ').trimEnd());
      }
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user.command(name)
      .description(disabled ? 'disable a user: they cannot sign in, their sessions end and their API tokens stop working' : 'enable a disabled user again')
      .addOption(emailOption())
      .action(async (opts: { email: string }) => {
        const changed = await withDatabase((db) => setUserDisabled(db, opts.email, disabled, cli()));
        console.log(disabled
          ? say({ sv: `${changed.email} är avstängd.`, en: `${changed.email} is disabled.` })
          : say({ sv: `${changed.email} är aktiverad.`, en: `${changed.email} is enabled.` }));
      });
  }

  user.command('reset-password')
    .description('set a new password (read from standard input); the user\'s sessions end')
    .addOption(emailOption())
    .action(async (opts: { email: string }) => {
      const password = await readPassword(lang);
      const changed = await withDatabase((db) => resetPassword(db, opts.email, password, cli()));
      console.log(say({ sv: `Lösenordet för ${changed.email} är bytt.`, en: `The password of ${changed.email} is changed.` }));
    });

  user.command('set-role')
    .description('change a user\'s role')
    .addOption(emailOption()).addOption(roleOption())
    .action(async (opts: { email: string; role: string }) => {
      const changed = await withDatabase((db) => setUserRole(db, opts.email, opts.role, cli()));
      console.log(say({ sv: `${changed.email} har nu rollen ${ROLE_NAMES[changed.role].sv}.`, en: `${changed.email} now has the role ${ROLE_NAMES[changed.role].en}.` }));
    });

  const token = program.command('token').description('API tokens (sent as "Authorization: Bearer …", acting with the user\'s role)');

  const owner = async (db: Db, email: string) => {
    const found = await findUserByEmail(db, email);
    if (!found) throw new NotFoundError({ sv: `Det finns ingen användare med e-postadressen ${email}.`, en: `There is no user with the e-mail address ${email}.` });
    return found;
  };

  token.command('create')
    .description('create an API token for a user and print it once (it is stored only as a hash)')
    .addOption(emailOption()).option('--name <name>', 'what the token is for', 'cli')
    .action(async (opts: { email: string; name: string }) => {
      const created = await withDatabase(async (db) => createToken(db, await owner(db, opts.email), opts.name, cli()));
      console.error(say({ sv: `API-nyckel ${created.record.id} för ${opts.email.trim().toLowerCase()}. Den visas bara nu:`, en: `API token ${created.record.id} for ${opts.email.trim().toLowerCase()}. It is shown only now:` }));
      console.log(created.token);
    });

  token.command('list')
    .description('list a user\'s API tokens (never the tokens themselves)')
    .addOption(emailOption()).option('--json', 'print JSON')
    .action(async (opts: { email: string; json?: boolean }) => {
      const tokens = await withDatabase(async (db) => listTokens(db, (await owner(db, opts.email)).id));
      if (opts.json) {
        console.log(JSON.stringify(tokens, null, 2));
        return;
      }
      if (tokens.length === 0) console.log(say({ sv: 'Inga API-nycklar.', en: 'No API tokens.' }));
      for (const t of tokens) {
        const state = t.revokedAt ? say({ sv: `återkallad ${t.revokedAt}`, en: `revoked ${t.revokedAt}` }) : say({ sv: 'aktiv', en: 'active' });
        console.log([String(t.id).padStart(4), `${t.prefix}…`.padEnd(18), t.name.padEnd(24), state].join(' '));
      }
    });

  token.command('revoke')
    .description('revoke an API token by its number (see token list)')
    .requiredOption('--id <id>', 'the token\'s number')
    .action(async (opts: { id: string }) => {
      const id = Number(opts.id);
      if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError({ sv: `Det finns ingen API-nyckel med nummer ${opts.id}.`, en: `There is no API token with number ${opts.id}.` });
      await withDatabase((db) => revokeToken(db, id, cli()));
      console.log(say({ sv: `API-nyckel ${id} är återkallad.`, en: `API token ${id} is revoked.` }));
    });
}
