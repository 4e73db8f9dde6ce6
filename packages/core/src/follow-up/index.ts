// Filled in as the folder's concepts land; re-exports only.
export {};
