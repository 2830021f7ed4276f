// Every LSP feature module the server runs. Add a module here to ship it.

import { LspFeature } from './feature';
import { outlineFeature } from './outlineFeature';
import { diagnosticsFeature } from './diagnosticsFeature';
import { workspaceSymbolFeature } from './workspaceSymbolFeature';
import { tagsFeature } from './tagsFeature';
import { entityFeature } from './entityFeature';
import { repeatsFeature } from './repeatsFeature';
import { statusFeature } from './statusFeature';
import { catalogueFeature } from './catalogueFeature';
import { crossReferencesFeature } from './crossReferencesFeature';

export const LSP_FEATURES: readonly LspFeature[] = [
  outlineFeature,
  diagnosticsFeature,
  workspaceSymbolFeature,
  tagsFeature,
  entityFeature,
  repeatsFeature,
  statusFeature,
  catalogueFeature,
  crossReferencesFeature,
];
