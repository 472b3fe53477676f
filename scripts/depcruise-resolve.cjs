// How dependency-cruiser (.dependency-cruiser.cjs) resolves SvelteKit's `$lib` alias.
module.exports = { resolve: { alias: { $lib: `${__dirname}/../src/lib` } } };
