/**
 * Label Studio: every article as a task (annotations/label-studio/tasks.json, a JSON list; past SHARD_BYTES,
 * more: tasks-2.json…) and the labelling configuration that matches them (annotations/label-studio/config.xml).
 * The tasks themselves: scripts/interop/label-studio.ts.
 */
import { join } from 'node:path';
import { TEXT, type Format } from './format.ts';
import { EXPORT_DIR, readArticles, readRegistry, shardPath, writeShards } from '../../interop/export-input.ts';
import { labelStudioConfig, labelStudioTask } from '../../interop/label-studio.ts';
import { entityKinds } from '../../interop/model.ts';

const LABEL_STUDIO_CONFIG = `${EXPORT_DIR}/label-studio/config.xml`;

export const labelStudio: Format = {
  name: 'label-studio',
  description: 'Label Studio tasks (one per article) and the labelling configuration that matches them.',
  write({ out, rootDir }) {
    const registry = readRegistry(out.root);
    function* tasks(): Generator<string> {
      for (const article of readArticles(out.root)) yield `\n${JSON.stringify(labelStudioTask(article, registry))}`;
    }
    const paths = writeShards(out, shardPath(`${EXPORT_DIR}/label-studio/tasks.json`), tasks(), {
      head: () => '[',
      tail: () => '\n]\n',
      separator: ',',
    });
    out.write(LABEL_STUDIO_CONFIG, labelStudioConfig(entityKinds(join(rootDir, 'schemas'))));
    return [
      {
        name: 'annotations-label-studio',
        path: paths,
        ...TEXT.json,
        description:
          'Label Studio tasks, one per article (data.text, data.article, data.version), its annotations and ' +
          'blocks as regions (offsets in code points, as Label Studio counts them) with their choices, and the ' +
          'genre as a task choice; each file a JSON list, to import into ' +
          'a project set up with annotations/label-studio/config.xml.',
        npm: false,
        croissant: true,
      },
      {
        name: 'annotations-label-studio-config',
        path: LABEL_STUDIO_CONFIG,
        format: 'xml',
        mediatype: 'application/xml',
        encoding: 'utf-8',
        description:
          'The Label Studio labelling configuration that matches the tasks (paste it into the project settings).',
        npm: false,
        croissant: false,
      },
    ];
  },
};
