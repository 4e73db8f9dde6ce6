import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsup-library.mjs';

// `testing` is the fake Zoho server (`@panopticon/zoho-adapter/testing`), kept out of the main entry.
export default defineConfig(libraryBuild(['src/index.ts', 'src/testing.ts']));
