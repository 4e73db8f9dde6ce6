import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsup-library.mjs';

export default defineConfig(libraryBuild(['src/index.ts']));
