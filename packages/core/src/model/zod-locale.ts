/**
 * zod's messages in English unless the program chose a locale. The model's schemas use `zod/mini`, whose
 * functions are imported one by one, so a bundle carries only what the schemas use; unlike `zod` (which
 * registers English on first use, and whose `z` namespace pulls every locale into a bundle) it sets no
 * locale, and a refused value would read "Invalid input". Like `zod`, this sets English only when no locale
 * is configured, so a program's own `z.config(z.locales.xx())` wins.
 *
 * @internal
 * @module
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

/** Sets zod's English messages when no locale is configured yet (called by each schema file). @internal */
export function englishByDefault(): void {
  if (!config().localeError) config(en());
}
