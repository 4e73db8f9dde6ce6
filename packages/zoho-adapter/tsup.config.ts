import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsup-library.mjs';

// `testing` is the fake Zoho server (`@panopticon/zoho-adapter/testing`), kept out of the main entry. `config`
// (src/config-schema.ts) is the `zoho` section's schema alone: the command line validates its config file with
// it and so loads neither the client nor the sync (nor `crypto` and `os`) for a command that does not sync.
export default defineConfig(libraryBuild(['src/index.ts', 'src/testing.ts', 'src/config-schema.ts']));
