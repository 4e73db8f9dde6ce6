// @panopticon/zoho-adapter: not built yet (issue 4). This placeholder exports nothing and claims nothing.
export {};
