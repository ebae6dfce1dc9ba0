/**
 * The portable-filename rule every path segment made from an id follows (record files in data/, and every file the
 * build, the exports and the site write per record). A segment is portable when it:
 *
 * 1. uses only the POSIX portable filename characters, and of those only lowercase letters, digits and single
 *    inner hyphens (the `Id` pattern: no case clashes on case-insensitive file systems, no dot, no leading hyphen);
 * 2. is at most 120 characters long (`Id`'s maxLength; far under every file system's 255 bytes with an extension);
 * 3. is not a name Windows reserves for a device, in any case, with or without an extension: CON, PRN, AUX, NUL,
 *    COM0–COM9, LPT0–LPT9 (a repository holding `data/entities/con.json` cannot be checked out on Windows);
 * 4. is not a name the outputs write beside records: `index` (a folder's list page), `page-N` (its further pages),
 *    `tasks` and `config` (the Label Studio export), `annotation` (brat's annotation.conf).
 */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_LENGTH = 120;
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;
const OUTPUT_NAMES = /^(?:index|page-\d+|tasks|config|annotation)$/;

/** Why `name` is not a portable path segment by the rule above, or null when it is. */
export function nameProblem(name: string): string | null {
  if (!ID.test(name)) return 'it is not a lowercase slug (letters a–z, digits, single hyphens between them)';
  if (name.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`;
  if (WINDOWS_DEVICE.test(name))
    return 'Windows reserves it for a device, so the repository could not be checked out there';
  if (OUTPUT_NAMES.test(name)) return 'the published outputs use it for a file of their own beside the records';
  return null;
}

/** A lowercase slug of a name: letters and digits, single hyphens between words. */
export const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
