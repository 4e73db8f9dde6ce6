// TypeDoc plugin (typedoc.json `plugin`): files every export of the API reference under the category of
// the folder it is written in, so the reference reads like docs/metrics.md (follow-up, response, time to
// event, time, sources) and the packages (charts, Zoho) rather than one flat list. An explicit `@category` tag wins.
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

/** [package, path prefix inside it, category]: the first that matches a declaration's file wins. */
const CATEGORIES = [
  ['@panopticon/core', 'src/follow-up/', 'Follow-up'],
  ['@panopticon/core', 'src/response/', 'Response'],
  ['@panopticon/core', 'src/survival/', 'Time to event'],
  ['@panopticon/core', 'src/time/', 'Time'],
  ['@panopticon/core', 'src/sources/', 'Sources'],
  ['@panopticon/core', 'src/danfo/', 'Sources'],
  ['@panopticon/core', 'src/', 'Model'],
  ['@panopticon/charts', 'src/', 'Charts'],
  ['@panopticon/zoho-adapter', 'src/', 'Zoho'],
  ['@panopticon/sql', 'src/', 'SQL'],
  ['@panopticon/cli', 'src/', 'Command line'],
];

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    for (const module of project.getReflectionsByKind(ReflectionKind.Module)) {
      for (const child of module.children ?? []) {
        const id = project.getSymbolIdFromReflection(child);
        if (!id) continue;
        const match = CATEGORIES.find(([pkg, prefix]) => id.packageName === pkg && id.packagePath.startsWith(prefix));
        if (!match) continue;
        child.comment ??= new Comment();
        if (child.comment.blockTags.some((t) => t.tag === '@category')) continue;
        child.comment.blockTags.push(new CommentTag('@category', [{ kind: 'text', text: match[2] }]));
      }
    }
  });
}
