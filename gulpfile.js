// Copies what `tsc` does not emit into dist/: node and credential icons (SVG), codex files and any other
// non-TypeScript asset that lives next to a node. Workflow templates ship from workflows/ (see "files").
const { src, dest, series } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist'));
}

function copyNodeAssets() {
	return src(['nodes/**/*.node.json', 'nodes/**/*.html'], { base: '.', allowEmpty: true }).pipe(dest('dist'));
}

exports.build = series(copyIcons, copyNodeAssets);
exports.default = exports.build;
