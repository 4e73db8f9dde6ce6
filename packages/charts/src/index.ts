// @panopticon/charts: not built yet (issue 3). This placeholder exports nothing and claims nothing.
export {};
